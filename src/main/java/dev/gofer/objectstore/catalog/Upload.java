package dev.gofer.objectstore.catalog;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.InvalidInputException;

/**
 * What a write states besides its body.
 *
 * @param declaredSize the request's Content-Length, or -1 when unknown
 * @param contentType the media type to store
 * @param rules when an existing object may be replaced
 * @param origin the origin a pipeline gets if this write creates it
 * @param expectedSha256 the SHA-256 the body must have (lowercase hex), as a
 * content-addressed key names it, or null for any; a body that does not match is refused
 * with 400 and nothing is stored
 */
public record Upload(long declaredSize, String contentType, WriteRules rules, PipelineOrigin origin,
		@Nullable String expectedSha256) {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	public Upload {
		if (expectedSha256 != null && !SHA256.matcher(expectedSha256).matches()) {
			throw new InvalidInputException("A SHA-256 digest is 64 lowercase hexadecimal digits");
		}
	}

	/** Checks the digest of the body read. */
	void verify(String sha256) {
		if (this.expectedSha256 != null && !this.expectedSha256.equals(sha256)) {
			throw new InvalidInputException("The body's SHA-256 is " + sha256 + ", not " + this.expectedSha256
					+ " as its key says; nothing was stored");
		}
	}

}
