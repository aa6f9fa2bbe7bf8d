package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

/**
 * An object as the catalog knows it. Its bytes are either a blob of the engine or, for a small
 * object, kept in the catalog row itself ({@link #inline()}).
 *
 * @param key the object's key within its scope
 * @param created epoch milliseconds when the current content was written
 * @param size the content's length in bytes
 * @param sha256 the content's SHA-256, lowercase hex; also its entity tag
 * @param contentType the media type given at upload
 * @param blobId where the engine keeps the bytes; null when the catalog row holds them
 * @param content the bytes of an inline object, when they were read with the entry (a lookup of
 * one key reads them, a listing does not); always null for an object in the engine
 */
public record ObjectEntry(String key, long created, long size, String sha256, String contentType,
		@Nullable Long blobId, byte @Nullable [] content) {

	/** An object whose bytes the engine holds as {@code blobId}. */
	static ObjectEntry inEngine(String key, long size, String sha256, String contentType, long blobId) {
		return new ObjectEntry(key, 0, size, sha256, contentType, blobId, null);
	}

	/** An object small enough for the catalog row to hold its bytes. */
	static ObjectEntry inline(String key, byte[] content, String sha256, String contentType) {
		return new ObjectEntry(key, 0, content.length, sha256, contentType, null, content);
	}

	/** Whether the catalog row holds the bytes rather than a blob of the engine. */
	public boolean inline() {
		return this.blobId == null;
	}

	ObjectEntry createdAt(long created) {
		return new ObjectEntry(this.key, created, this.size, this.sha256, this.contentType, this.blobId, this.content);
	}

}
