package dev.gofer.objectstore.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The bytes of objects, kept under opaque blob ids that the catalog issues. An engine
 * knows nothing of keys, scopes or limits: the catalog decides which blob is visible
 * under which key, so an engine never has to make anything atomically visible.
 * <p>
 * Implementations are thread-safe. Failures of the engine itself (its database, disk or
 * service) surface as {@link dev.gofer.objectstore.error.UnavailableException}; an
 * {@link IOException} is reserved for the caller's own streams.
 */
public interface ObjectStore {

	/**
	 * Stores everything {@code content} yields, until its end, as the blob
	 * {@code blobId}. Memory use does not depend on the size of the content. The caller
	 * owns {@code content} and closes it. When this method throws, part of the blob may
	 * be left behind; {@link #delete(long)} removes it.
	 * @param blobId a new id, never written before
	 * @param content the bytes, read once
	 * @return the number of bytes stored
	 * @throws IOException when reading {@code content} fails
	 */
	long write(long blobId, InputStream content) throws IOException;

	/**
	 * Opens {@code length} bytes of a blob from {@code offset}. The caller closes the
	 * stream. A blob deleted while it is read makes the stream fail, never end early.
	 * @return the bytes, or empty when the blob does not exist
	 */
	Optional<InputStream> open(long blobId, long offset, long length);

	/** Removes a blob and everything a failed write left of it. Idempotent. */
	void delete(long blobId);

	/** Calls {@code action} with the id of every blob that has bytes here, for sweeps. */
	void forEachBlobId(LongConsumer action);

	/**
	 * Checks cheaply that the engine can serve requests now.
	 * @throws dev.gofer.objectstore.error.UnavailableException when it cannot
	 */
	void checkReachable();

	/** The engine, for logs and health details. */
	Engine engine();

}
