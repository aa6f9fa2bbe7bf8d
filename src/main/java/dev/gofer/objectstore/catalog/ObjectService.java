package dev.gofer.objectstore.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreProperties;

/**
 * Moves bytes between clients and the engine and keeps the catalog in step. An upload
 * streams into a new blob that no reader can see; only a complete blob is committed, in
 * one short transaction, so readers see the old value or the new one, never part of
 * either. A small object (below {@code gofer.object-store.inline-threshold}) skips the
 * engine: it is read whole and its bytes are committed in its catalog row.
 */
@Service
public class ObjectService {

	private static final Logger logger = LoggerFactory.getLogger(ObjectService.class);

	/**
	 * Objects removed per transaction by a delete by prefix: a few milliseconds of
	 * SQLite's write lock.
	 */
	static final int DELETE_BATCH = 500;

	private final ObjectCatalog catalog;

	private final CatalogWriter commits;

	private final BlobRepository blobs;

	private final ObjectStore store;

	private final InstanceRegistry instance;

	private final Limits limits;

	private final Clock clock;

	private final LastUseTracker lastUses;

	/**
	 * Objects smaller than this are kept in their catalog row; larger ones go to the
	 * engine.
	 */
	private final int inlineThreshold;

	ObjectService(ObjectCatalog catalog, CatalogWriter commits, BlobRepository blobs, ObjectStore store,
			InstanceRegistry instance, Limits limits, Clock clock, ObjectStoreProperties properties,
			LastUseTracker lastUses) {
		this.lastUses = lastUses;
		this.catalog = catalog;
		this.commits = commits;
		this.blobs = blobs;
		this.store = store;
		this.instance = instance;
		this.limits = limits;
		this.clock = clock;
		this.inlineThreshold = (int) properties.inlineThreshold().toBytes();
	}

	/**
	 * Stores {@code body} under {@code key}, for Gofer's API.
	 * @param declaredSize the request's Content-Length, or -1 when unknown
	 * @throws IOException when reading {@code body} fails (the client went away)
	 */
	public CommitResult put(Scope scope, String key, InputStream body, long declaredSize, String contentType,
			WriteRules rules) throws IOException {
		return put(scope, key, body, new Upload(declaredSize, contentType, rules, PipelineOrigin.API, null));
	}

	/**
	 * Stores {@code body} under {@code key} as {@code upload} says.
	 * @throws IOException when reading {@code body} fails (the client went away)
	 */
	public CommitResult put(Scope scope, String key, InputStream body, Upload upload) throws IOException {
		long declaredSize = upload.declaredSize();
		if (declaredSize < 0 || declaredSize >= this.inlineThreshold) {
			// Worth refusing before the body streams in. A body announced as small is
			// read whole first, and the commit checks everything again anyway.
			this.catalog.precheck(scope, key, upload.rules(), declaredSize, upload.origin());
		}
		MeasuringInputStream measured = new MeasuringInputStream(body, this.limits.maxObjectSize());
		byte[] head = measured.readNBytes(this.inlineThreshold);
		if (head.length < this.inlineThreshold) {
			// The whole object, and small: its bytes go into its catalog row, in the
			// commit's one transaction, with nothing to clean up if that fails.
			String sha256 = measured.sha256();
			upload.verify(sha256);
			return commit(scope, key, ObjectEntry.inline(key, head, sha256, upload.contentType()), upload);
		}
		long blobId = this.blobs.createPending(this.instance.id(), this.clock.millis());
		try {
			this.store.write(blobId, new SequenceInputStream(new ByteArrayInputStream(head), measured));
			String sha256 = measured.sha256();
			upload.verify(sha256);
			return commit(scope, key, ObjectEntry.inEngine(key, measured.count(), sha256, upload.contentType(), blobId),
					upload);
		}
		catch (IOException | RuntimeException ex) {
			discard(blobId);
			throw ex;
		}
	}

	/**
	 * Commits, once more if a concurrent first write of the same key in a scope that has
	 * no row to lock (an extension's) won the race for the key: the retry then sees that
	 * write and replaces it, or refuses as the rules say.
	 */
	private CommitResult commit(Scope scope, String key, ObjectEntry content, Upload upload) {
		try {
			return this.commits.call(() -> this.catalog.commit(scope, key, content, upload.rules(), upload.origin()));
		}
		catch (DuplicateKeyException ex) {
			return this.commits.call(() -> this.catalog.commit(scope, key, content, upload.rules(), upload.origin()));
		}
	}

	/**
	 * The object under {@code key}, with the bytes of an inline object, for a download.
	 * Counts as a use of a pipeline object, for LRU eviction.
	 */
	public ObjectEntry get(Scope scope, String key) {
		return find(scope, key).orElseThrow(() -> notFound(scope, key));
	}

	/** Like {@link #get}, empty when there is no such object. */
	public Optional<ObjectEntry> find(Scope scope, String key) {
		return used(scope, this.catalog.find(scope, key));
	}

	/**
	 * The object under {@code key} without its bytes, for an answer without a body
	 * (HEAD). Counts as a use, as a download does: tools ask whether an entry exists
	 * because they rely on it.
	 */
	public ObjectEntry describe(Scope scope, String key) {
		return findDescription(scope, key).orElseThrow(() -> notFound(scope, key));
	}

	/** Like {@link #describe}, empty when there is no such object. */
	public Optional<ObjectEntry> findDescription(Scope scope, String key) {
		return used(scope, this.catalog.describe(scope, key));
	}

	private Optional<ObjectEntry> used(Scope scope, Optional<ObjectEntry> entry) {
		if (entry.isPresent() && scope instanceof Scope.Pipeline pipeline) {
			this.lastUses.record(pipeline, entry.get().key(), this.clock.millis());
		}
		return entry;
	}

	private static NotFoundException notFound(Scope scope, String key) {
		return new NotFoundException("Key '" + key + "' does not exist in " + scope);
	}

	/**
	 * Opens part of an object's content; the caller closes the stream.
	 * @throws NotFoundException when the engine has lost the bytes
	 */
	public InputStream open(Scope scope, ObjectEntry entry, long offset, long length) {
		Long blobId = entry.blobId();
		if (blobId == null) {
			byte[] content = entry.content();
			if (content == null) {
				throw new IllegalArgumentException("The entry of '" + entry.key() + "' was read without its content");
			}
			return new ByteArrayInputStream(content, (int) offset, (int) length);
		}
		return this.store.open(blobId, offset, length).orElseThrow(() -> {
			logger.warn("The bytes of '{}' in {} (blob {}) are missing from the {} engine", entry.key(), scope, blobId,
					this.store.engine().value());
			return new NotFoundException("The content of '" + entry.key() + "' is missing from the store");
		});
	}

	public List<ObjectEntry> list(Scope scope, @Nullable String prefix, boolean newestFirst, @Nullable Integer limit) {
		return this.catalog.list(scope, prefix, newestFirst, limit);
	}

	public void delete(Scope scope, String key) {
		this.catalog.delete(scope, key);
	}

	/**
	 * Removes every object of the scope whose key starts with {@code prefix} and returns
	 * how many. Each batch of {@value #DELETE_BATCH} is a transaction of its own, so that
	 * other writes get their turn between batches instead of waiting behind one long
	 * transaction (SQLite has one writer); all are committed before this returns. Keys
	 * are visited in order, so an object written meanwhile under a key already passed
	 * stays, and the loop ends however busy the scope is.
	 */
	public long deleteByPrefix(Scope scope, String prefix) {
		long deleted = 0;
		String after = null;
		while (true) {
			List<String> batch = this.catalog.deleteWithPrefix(scope, prefix, after, DELETE_BATCH);
			deleted += batch.size();
			if (batch.size() < DELETE_BATCH) {
				return deleted;
			}
			after = batch.getLast();
		}
	}

	/**
	 * Drops the bytes of a failed upload now; if that fails too, the retention jobs will.
	 */
	private void discard(long blobId) {
		try {
			// Only while still pending: a commit that went through but could not be
			// synced in
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
