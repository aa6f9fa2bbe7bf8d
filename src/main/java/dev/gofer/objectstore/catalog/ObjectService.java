package dev.gofer.objectstore.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Moves bytes between clients and the engine and keeps the catalog in step. An upload streams
 * into a new blob that no reader can see; only a complete blob is committed, in one short
 * transaction, so readers see the old value or the new one, never part of either.
 */
@Service
public class ObjectService {

	/**
	 * Objects smaller than this are read whole before they are stored; on the database engine
	 * they are then written in one transaction.
	 */
	private static final int SMALL_OBJECT = 16 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ObjectService.class);

	private final ObjectCatalog catalog;

	private final BlobRepository blobs;

	private final ObjectStore store;

	private final InstanceRegistry instance;

	private final Limits limits;

	private final Clock clock;

	ObjectService(ObjectCatalog catalog, BlobRepository blobs, ObjectStore store, InstanceRegistry instance,
			Limits limits, Clock clock) {
		this.catalog = catalog;
		this.blobs = blobs;
		this.store = store;
		this.instance = instance;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Stores {@code body} under {@code key}.
	 * @param declaredSize the request's Content-Length, or -1 when unknown
	 * @throws IOException when reading {@code body} fails (the client went away)
	 */
	public CommitResult put(Scope scope, String key, InputStream body, long declaredSize, String contentType,
			WriteRules rules) throws IOException {
		this.catalog.precheck(scope, key, rules, declaredSize);
		MeasuringInputStream measured = new MeasuringInputStream(body, this.limits.maxObjectSize());
		byte[] head = measured.readNBytes(SMALL_OBJECT);
		if (head.length < SMALL_OBJECT && this.store.engine() == Engine.DATABASE) {
			return putSmall(scope, key, head, measured.sha256(), contentType, rules);
		}
		long blobId = this.blobs.createPending(this.instance.id(), this.clock.millis());
		try {
			this.store.write(blobId, new SequenceInputStream(new ByteArrayInputStream(head), measured));
			ObjectEntry content = new ObjectEntry(key, 0, measured.count(), measured.sha256(), contentType, blobId);
			return commit(scope, key, content, rules);
		}
		catch (IOException | RuntimeException ex) {
			discard(blobId);
			throw ex;
		}
	}

	/**
	 * Writes a small object whole, bytes included, in one catalog transaction: on the database
	 * engine the bytes live in the catalog's database, so nothing is left to clean up if it fails.
	 */
	private CommitResult putSmall(Scope scope, String key, byte[] bytes, String sha256, String contentType,
			WriteRules rules) {
		ObjectEntry content = new ObjectEntry(key, 0, bytes.length, sha256, contentType, 0);
		ObjectCatalog.BlobWriter writer = blobId -> {
			try {
				this.store.write(blobId, new ByteArrayInputStream(bytes));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("An in-memory stream cannot fail", ex);
			}
		};
		try {
			return this.catalog.commitWithBytes(scope, key, content, rules, this.instance.id(), writer);
		}
		catch (DuplicateKeyException ex) {
			// See commit(): the transaction rolled back whole, bytes included; once more.
			return this.catalog.commitWithBytes(scope, key, content, rules, this.instance.id(), writer);
		}
	}

	/**
	 * Commits, once more if a concurrent first write of the same key in a scope that has no row
	 * to lock (an extension's) won the race for the key: the retry then sees that write and
	 * replaces it, or refuses as the rules say.
	 */
	private CommitResult commit(Scope scope, String key, ObjectEntry content, WriteRules rules) {
		try {
			return this.catalog.commit(scope, key, content, rules);
		}
		catch (DuplicateKeyException ex) {
			return this.catalog.commit(scope, key, content, rules);
		}
	}

	public ObjectEntry get(Scope scope, String key) {
		return this.catalog.find(scope, key)
			.orElseThrow(() -> new NotFoundException("Key '" + key + "' does not exist in " + scope));
	}

	/**
	 * Opens part of an object's content; the caller closes the stream.
	 * @throws NotFoundException when the engine has lost the bytes
	 */
	public InputStream open(Scope scope, ObjectEntry entry, long offset, long length) {
		return this.store.open(entry.blobId(), offset, length).orElseThrow(() -> {
			logger.warn("The bytes of '{}' in {} (blob {}) are missing from the {} engine", entry.key(), scope,
					entry.blobId(), this.store.engine().value());
			return new NotFoundException("The content of '" + entry.key() + "' is missing from the store");
		});
	}

	public List<ObjectEntry> list(Scope scope, @Nullable String prefix, boolean newestFirst, @Nullable Integer limit) {
		return this.catalog.list(scope, prefix, newestFirst, limit);
	}

	public void delete(Scope scope, String key) {
		this.catalog.delete(scope, key);
	}

	/** Drops the bytes of a failed upload now; if that fails too, the retention jobs will. */
	private void discard(long blobId) {
		try {
			// Only while still pending: a commit that went through but could not be synced in
			// time failed the request, yet its object is visible and needs its bytes.
			if (this.blobs.discardPending(blobId, this.clock.millis())) {
				this.store.delete(blobId);
				this.blobs.deleteGarbage(blobId);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not discard blob {} of a failed upload now; the retention jobs will", blobId, ex);
		}
	}

}
