package dev.gofer.objectstore.store;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Binds {@code gofer.object-store.engine}, so that an unknown value fails naming the
 * valid ones.
 */
@Component
@ConfigurationPropertiesBinding
class EngineConverter implements Converter<String, Engine> {

	@Override
	public Engine convert(String source) {
		return Engine.parse(source);
	}

}
