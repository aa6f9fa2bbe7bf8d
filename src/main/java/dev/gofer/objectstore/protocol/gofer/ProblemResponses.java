package dev.gofer.objectstore.protocol.gofer;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an endpoint can answer with; the API description gets a problem+json
 * response for each, described in {@link ApiDocumentation}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ProblemResponses {

	int[] value();

}
