package dev.gofer.objectstore.catalog;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.AlreadyExistsException;
import dev.gofer.objectstore.error.PreconditionFailedException;

/**
 * When a write may replace an existing object. Preconditions are checked before
 * {@code overwrite}: an {@code If-None-Match} that fails gives 412 even where the key
 * exists and overwriting is off, and an {@code If-Match} that holds replaces even without
 * it.
 *
 * @param overwrite whether an existing key is replaced (PUT, or POST with {@code force})
 * @param ifMatch the object must exist with one of these tags
 * @param ifNoneMatch the object must not exist with one of these tags
 */
public record WriteRules(boolean overwrite, @Nullable EntityTagCondition ifMatch,
		@Nullable EntityTagCondition ifNoneMatch) {

	/** Whether the write goes ahead whatever the current object is: a plain PUT. */
	boolean unconditional() {
		return this.overwrite && this.ifMatch == null && this.ifNoneMatch == null;
	}

	/** Throws when the write may not go ahead against the current object, if any. */
	void check(Scope scope, String key, Optional<ObjectEntry> current) {
		String currentTag = current.map(ObjectEntry::sha256).orElse(null);
		if (this.ifNoneMatch != null && this.ifNoneMatch.matches(currentTag)) {
			throw new PreconditionFailedException("If-None-Match failed: key '" + key + "' already exists in " + scope);
		}
		if (this.ifMatch != null) {
			if (!this.ifMatch.matches(currentTag)) {
				throw new PreconditionFailedException(
						current.isEmpty() ? "If-Match failed: key '" + key + "' does not exist in " + scope
								: "If-Match failed: the current ETag of '" + key + "' is \"" + currentTag + "\"");
			}
			return;
		}
		if (current.isPresent() && !this.overwrite) {
			throw new AlreadyExistsException(
					"Key '" + key + "' already exists in " + scope + "; use PUT or ?force=true to overwrite it");
		}
	}

}
