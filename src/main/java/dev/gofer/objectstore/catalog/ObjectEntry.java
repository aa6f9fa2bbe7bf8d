package dev.gofer.objectstore.catalog;

/**
 * An object as the catalog knows it.
 *
 * @param key the object's key within its scope
 * @param created epoch milliseconds when the current content was written
 * @param size the content's length in bytes
 * @param sha256 the content's SHA-256, lowercase hex; also its entity tag
 * @param contentType the media type given at upload
 * @param blobId where the engine keeps the bytes
 */
public record ObjectEntry(String key, long created, long size, String sha256, String contentType, long blobId) {

}
