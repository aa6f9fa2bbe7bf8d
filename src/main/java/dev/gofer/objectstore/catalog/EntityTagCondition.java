package dev.gofer.objectstore.catalog;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header: {@code *} or a
 * set of SHA-256 values.
 */
public record EntityTagCondition(boolean any, Set<String> tags) {

	public static final EntityTagCondition ANY = new EntityTagCondition(true, Set.of());

	/** Whether an object with this SHA-256 (null: no object) is among the tags. */
	public boolean matches(@Nullable String sha256) {
		return sha256 != null && (this.any || this.tags.contains(sha256));
	}

}
