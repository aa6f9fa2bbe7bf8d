package dev.gofer.objectstore.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action an API endpoint needs, on the resource its path names (a pipeline, a run, an
 * extension, or the service). An {@code /api} or {@code /cache} endpoint without this
 * annotation is refused to everyone but the admin: a forgotten rule denies, never allows.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Requires {

	Action value();

	/** True for endpoints only the admin token may call (token management). */
	boolean adminOnly() default false;

	/**
	 * True for listings of the whole catalog ({@code GET /api/namespaces}): any token
	 * with the action may call them, and they answer only what its globs reach.
	 */
	boolean listing() default false;

	/**
	 * True for endpoints that every valid token may call, whatever its scope and actions:
	 * a token reading its own grant.
	 */
	boolean anyToken() default false;

}
