package dev.gofer.objectstore.catalog;

import java.util.Arrays;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An object as the catalog knows it. Its bytes are either a blob of the engine or, for a
 * small object, kept in the catalog row itself ({@link #inline()}).
 *
 * @param key the object's key within its scope
 * @param created epoch milliseconds when the current content was written
 * @param size the content's length in bytes
 * @param sha256 the content's SHA-256, lowercase hex; also its entity tag
 * @param contentType the media type given at upload
 * @param blobId where the engine keeps the bytes; null when the catalog row holds them
 * @param content the bytes of an inline object, when they were read with the entry (a
 * lookup of one key reads them, a listing does not); always null for an object in the
 * engine; compared by value, and left out of {@link #toString()}, which gives its length
 * only
 */
public record ObjectEntry(String key, long created, long size, String sha256, String contentType, @Nullable Long blobId,
		byte @Nullable [] content) {

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

	// A record compares an array component by identity; two reads of one object are
	// equal.
	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof ObjectEntry entry && this.created == entry.created && this.size == entry.size
				&& this.key.equals(entry.key) && this.sha256.equals(entry.sha256)
				&& this.contentType.equals(entry.contentType) && Objects.equals(this.blobId, entry.blobId)
				&& Arrays.equals(this.content, entry.content);
	}

	@Override
	public int hashCode() {
		return 31 * Objects.hash(this.key, this.created, this.size, this.sha256, this.contentType, this.blobId)
				+ Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return "ObjectEntry[key=" + this.key + ", created=" + this.created + ", size=" + this.size + ", sha256="
				+ this.sha256 + ", contentType=" + this.contentType + ", blobId=" + this.blobId + ", content="
				+ (this.content == null ? "null" : this.content.length + " bytes") + "]";
	}

}
