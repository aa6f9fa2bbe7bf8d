package dev.gofer.objectstore.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a new token may do.
 *
 * @param expiresInSeconds null for a token that never expires
 */
public record TokenRequest(List<String> namespaces, List<String> pipelines, List<String> actions,
		@Nullable Long expiresInSeconds, @Nullable String description) {

}
