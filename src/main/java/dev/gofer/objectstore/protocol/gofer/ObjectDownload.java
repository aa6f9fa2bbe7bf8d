package dev.gofer.objectstore.protocol.gofer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that answers with an object's raw bytes (or only their headers, for
 * HEAD), so that the API description gets the binary response, its headers and the Range
 * and If-None-Match parameters (see {@link ApiDocumentation}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ObjectDownload {

	/** True for HEAD: headers only. */
	boolean head() default false;

}
