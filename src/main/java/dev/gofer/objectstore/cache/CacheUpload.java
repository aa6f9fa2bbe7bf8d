package dev.gofer.objectstore.cache;

import org.jspecify.annotations.Nullable;

/**
 * What a cache upload states besides its body.
 *
 * @param declaredSize the request's Content-Length, or -1 when unknown (chunked); a
 * declared size over the limits is refused with 413 before any byte is read
 * @param contentType the media type to store and return
 * @param expectedSha256 for a content-addressed entry, the SHA-256 the body must have;
 * null for any
 * @param overwrite whether an existing entry is replaced (else 409 and it stays)
 */
public record CacheUpload(long declaredSize, String contentType, @Nullable String expectedSha256, boolean overwrite) {

	/** An upload that replaces any entry under its key, whatever its content. */
	public static CacheUpload of(long declaredSize, String contentType) {
		return new CacheUpload(declaredSize, contentType, null, true);
	}

	/** The same upload, refused unless the body's SHA-256 is {@code sha256}. */
	public CacheUpload verifying(String sha256) {
		return new CacheUpload(this.declaredSize, this.contentType, sha256, this.overwrite);
	}

	/** The same upload, refused where an entry exists. */
	public CacheUpload createOnly() {
		return new CacheUpload(this.declaredSize, this.contentType, this.expectedSha256, false);
	}

}
