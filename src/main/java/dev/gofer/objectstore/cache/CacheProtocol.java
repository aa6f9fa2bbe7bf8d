package dev.gofer.objectstore.cache;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of a cache protocol under {@code /cache/{value}/…}. Its failures are
 * answered by {@link CacheErrorAdvice} (plain text, the protocol's status, a Basic
 * challenge on 401) and counted as {@code rejected} for the protocol.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CacheProtocol {

	/**
	 * The protocol's name: the path segment after {@code /cache/} and the
	 * {@code protocol} tag of its metrics.
	 */
	String value();

}
