package dev.gofer.objectstore.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.error.TooLargeException;
import dev.gofer.objectstore.error.UnavailableException;

/**
 * Which object is visible under which key. Every change is one short transaction that
 * also applies the pipeline's limits, so no reader ever sees a pipeline over its limit.
 */
@Service
public class ObjectCatalog {

	private final ObjectRepository objects;

	private final PipelineRepository pipelines;

	private final BlobRepository blobs;

	private final RunCatalog runs;

	private final RetentionRules retention;

	private final Limits limits;

	private final Clock clock;

	ObjectCatalog(ObjectRepository objects, PipelineRepository pipelines, BlobRepository blobs, RunCatalog runs,
			RetentionRules retention, Limits limits, Clock clock) {
		this.objects = objects;
		this.pipelines = pipelines;
		this.blobs = blobs;
		this.runs = runs;
		this.retention = retention;
		this.limits = limits;
		this.clock = clock;
	}

	/** The object under {@code key}, with the bytes of an inline object. */
	public Optional<ObjectEntry> find(Scope scope, String key) {
		return this.objects.findWithContent(scope, key);
	}

	/** The object under {@code key}, without its bytes even when they are inline. */
	public Optional<ObjectEntry> describe(Scope scope, String key) {
		return this.objects.find(scope, key).map(StoredObject::entry);
	}

	public List<ObjectEntry> list(Scope scope, @Nullable String prefix, boolean newestFirst, @Nullable Integer limit) {
		return this.objects.list(scope, prefix, newestFirst, limit);
	}

	/**
	 * Refuses, before any byte is uploaded, a write that its commit would refuse anyway.
	 * The commit checks again: things may change while the upload streams.
	 * @param declaredSize the request's Content-Length, or -1 when unknown
	 * @param origin the origin of a pipeline the write would create, for its defaults
	 */
	void precheck(Scope scope, String key, WriteRules rules, long declaredSize, PipelineOrigin origin) {
		checkSize(scope, declaredSize, origin);
		if (scope instanceof Scope.Run run) {
			this.runs.checkWritable(run.pipeline(), run.runId());
		}
		if (!rules.unconditional()) {
			rules.check(scope, key, this.objects.find(scope, key).map(StoredObject::entry));
		}
	}

	/**
	 * Makes an object visible under {@code key}, replacing any earlier value, and applies
	 * the pipeline's limits, in one transaction. The object's bytes are a fully written
	 * blob of the engine, or are in {@code content} itself for an inline object.
	 * @param content the object; its creation time is set here
	 * @param origin the origin the pipeline gets if this creates it
	 */
	@Transactional
	public CommitResult commit(Scope scope, String key, ObjectEntry content, WriteRules rules, PipelineOrigin origin) {
		long now = this.clock.millis();
		// The pipeline's byte limit is checked below, on the row this transaction locks.
		checkMaxSize(content.size());
		PipelineRow pipeline = switch (scope) {
			case Scope.Pipeline p -> this.pipelines.lockOrCreate(p.pipeline(), origin);
			case Scope.Run r ->
				this.runs.prepareWrite(this.pipelines.lockOrCreate(r.pipeline(), origin), r.runId(), now);
			case Scope.Extension e -> null;
		};
		if (pipeline != null && scope instanceof Scope.Pipeline) {
			Long byteLimit = this.limits.byteLimit(pipeline);
			if (byteLimit != null && content.size() > byteLimit) {
				throw tooLargeForPipeline(scope, content.size(), byteLimit);
			}
		}
		Long blobId = content.blobId();
		if (blobId != null && !this.blobs.markLive(blobId, now)) {
			throw new UnavailableException("The upload took so long that it was taken as abandoned; retry it", null);
		}
		Optional<StoredObject> current = this.objects.find(scope, key);
		rules.check(scope, key, current.map(StoredObject::entry));
		ObjectEntry entry = content.createdAt(now);
		current.ifPresent(old -> {
			this.objects.delete(List.of(old.id()));
			markGarbage(old.entry(), now);
		});
		Long runId = scope instanceof Scope.Run r ? r.runId() : null;
		long rowId = this.objects.insert(scope, pipeline == null ? null : pipeline.id(), runId, entry);
		List<String> evicted = List.of();
		if (pipeline != null) {
			if (scope instanceof Scope.Pipeline) {
				long count = pipeline.objectCount() + (current.isPresent() ? 0 : 1);
				long bytes = pipeline.bytes() + entry.size() - current.map(old -> old.entry().size()).orElse(0L);
				RetentionRules.Applied applied = this.retention.evict(pipeline.withCounts(count, bytes), rowId, now);
				pipeline = applied.row();
				evicted = applied.evicted();
			}
			this.pipelines.save(pipeline);
		}
		return new CommitResult(entry, current.isPresent(), evicted);
	}

	/**
	 * Writes the last uses that reads recorded, in one transaction. Objects gone since
	 * are skipped.
	 * @return how many objects' last use moved forward
	 */
	@Transactional
	int recordUses(List<LastUseTracker.Use> uses) {
		return this.objects.touch(uses);
	}

	/** Removes an object; the bytes of one in the engine are reclaimed later. */
	@Transactional
	public void delete(Scope scope, String key) {
		long now = this.clock.millis();
		Optional<PipelineRow> pipeline = switch (scope) {
			case Scope.Pipeline p -> this.pipelines.find(p.pipeline()).flatMap(row -> this.pipelines.lock(row.id()));
			case Scope.Run r -> Optional.empty();
			case Scope.Extension e -> Optional.empty();
		};
		StoredObject current = this.objects.find(scope, key)
			.orElseThrow(() -> new NotFoundException("Key '" + key + "' does not exist in " + scope));
		this.objects.delete(List.of(current.id()));
		markGarbage(current.entry(), now);
		pipeline.ifPresent(row -> this.pipelines
			.save(row.withCounts(row.objectCount() - 1, row.bytes() - current.entry().size())));
	}

	/**
	 * Removes, in one transaction, up to {@code batch} objects whose key starts with
	 * {@code prefix}, in key order from the first after {@code after}, and keeps the
	 * pipeline's counters in step. Returns the keys removed, in order.
	 * @param after the last key an earlier batch removed; null for the first batch
	 */
	@Transactional
	public List<String> deleteWithPrefix(Scope scope, String prefix, @Nullable String after, int batch) {
		long now = this.clock.millis();
		Optional<PipelineRow> pipeline = switch (scope) {
			case Scope.Pipeline p -> this.pipelines.find(p.pipeline()).flatMap(row -> this.pipelines.lock(row.id()));
			case Scope.Run r -> Optional.empty();
			case Scope.Extension e -> Optional.empty();
		};
		if (scope instanceof Scope.Pipeline && pipeline.isEmpty()) {
			return List.of();
		}
		List<StoredObject> victims = this.objects.withPrefix(scope, prefix, after, batch);
		if (victims.isEmpty()) {
			return List.of();
		}
		this.objects.delete(victims.stream().map(StoredObject::id).toList());
		this.blobs.markGarbage(victims.stream()
			.map(StoredObject::entry)
			.filter(entry -> !entry.inline())
			.map(ObjectEntry::blobId)
			.toList(), now);
		long bytes = victims.stream().mapToLong(victim -> victim.entry().size()).sum();
		pipeline.ifPresent(
				row -> this.pipelines.save(row.withCounts(row.objectCount() - victims.size(), row.bytes() - bytes)));
		return victims.stream().map(victim -> victim.entry().key()).toList();
	}

	/**
	 * Leaves the bytes of a removed object to the retention jobs; an inline one's went
	 * with its row.
	 */
	private void markGarbage(ObjectEntry removed, long now) {
		if (!removed.inline()) {
			this.blobs.markGarbage(List.of(removed.blobId()), now);
		}
	}

	private void checkSize(Scope scope, long size, PipelineOrigin origin) {
		checkMaxSize(size);
		if (size > 0 && scope instanceof Scope.Pipeline p) {
			Long byteLimit = this.pipelines.find(p.pipeline())
				.map(this.limits::byteLimit)
				.orElseGet(() -> this.limits.defaultByteLimit(origin));
			if (byteLimit != null && size > byteLimit) {
				throw tooLargeForPipeline(scope, size, byteLimit);
			}
		}
	}

	private void checkMaxSize(long size) {
		long max = this.limits.maxObjectSize();
		if (size > max) {
			throw new TooLargeException(
					"The object is " + size + " bytes; the maximum object size is " + max + " bytes");
		}
	}

	private static TooLargeException tooLargeForPipeline(Scope scope, long size, long byteLimit) {
		return new TooLargeException(
				"The object is " + size + " bytes; " + scope + " has a byte limit of " + byteLimit + " bytes");
	}

}
