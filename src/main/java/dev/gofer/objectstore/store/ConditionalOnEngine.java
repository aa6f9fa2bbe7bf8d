package dev.gofer.objectstore.store;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code gofer.object-store.engine} selects the given engine; no value
 * selects {@link Engine#DATABASE}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(EngineCondition.class)
public @interface ConditionalOnEngine {

	Engine value();

}
