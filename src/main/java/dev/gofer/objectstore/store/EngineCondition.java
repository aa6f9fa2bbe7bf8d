package dev.gofer.objectstore.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnEngine}. An unparsable value matches no
 * engine: the binding of {@link ObjectStoreProperties} then fails start-up with the list
 * of valid values.
 */
class EngineCondition extends SpringBootCondition {

	static final String PROPERTY = "gofer.object-store.engine";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, @Nullable Object> attributes = metadata
			.getAnnotationAttributes(ConditionalOnEngine.class.getName());
		if (attributes == null || !(attributes.get("value") instanceof Engine required)) {
			throw new IllegalStateException("@ConditionalOnEngine names no engine");
		}
		String configured = context.getEnvironment().getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			return new ConditionOutcome(required == Engine.DATABASE,
					"no " + PROPERTY + " set: the default is " + Engine.DATABASE.value());
		}
		try {
			Engine engine = Engine.parse(configured);
			return new ConditionOutcome(engine == required, PROPERTY + " is " + engine.value());
		}
		catch (IllegalArgumentException ex) {
			return ConditionOutcome.noMatch(String.valueOf(ex.getMessage()));
		}
	}

}
