package dev.gofer.objectstore.protocol.gofer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that stores the raw request body as an object, so that the API
 * description gets the binary body, the precondition headers and the responses (see
 * {@link ApiDocumentation}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ObjectUpload {

	/**
	 * True for PUT: always overwrites, 200 when it replaced. False for POST:
	 * {@code ?force}.
	 */
	boolean put();

}
