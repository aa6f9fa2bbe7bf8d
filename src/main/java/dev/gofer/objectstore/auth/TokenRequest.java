package dev.gofer.objectstore.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a new token may do.
 *
 * @param namespaces null when the request named none (refused)
 * @param expiresInSeconds null for a token that never expires
 */
public record TokenRequest(@Nullable List<String> namespaces, @Nullable List<String> pipelines,
		@Nullable List<String> actions, @Nullable Long expiresInSeconds, @Nullable String description) {

}
