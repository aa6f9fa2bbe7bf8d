package dev.gofer.objectstore.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Applies a pipeline's limits inside the caller's transaction, on a row the caller has
 * locked: evicts pipeline objects (oldest or least recently used first) beyond the count
 * and byte limits, and expires the objects of runs outside the expiry window. Both touch
 * only the rows they remove, so their cost grows with what is removed, not with what the
 * pipeline holds.
 */
@Component
class RetentionRules {

	private static final int BATCH = 500;

	private final ObjectRepository objects;

	private final BlobRepository blobs;

	private final Limits limits;

	private final RetentionMetrics metrics;

	private final LastUseTracker lastUses;

	RetentionRules(ObjectRepository objects, BlobRepository blobs, Limits limits, RetentionMetrics metrics,
			LastUseTracker lastUses) {
		this.objects = objects;
		this.lastUses = lastUses;
		this.blobs = blobs;
		this.limits = limits;
		this.metrics = metrics;
	}

	/**
	 * The outcome of applying limits: the updated row and the evicted keys, first evicted
	 * first.
	 */
	record Applied(PipelineRow row, List<String> evicted) {

	}

	/**
	 * Evicts pipeline objects, oldest or least recently used first as the pipeline says,
	 * until it is within its limits. Before choosing by last use, the uses this instance
	 * has recorded for the pipeline are written, in the caller's transaction: on one
	 * instance, eviction never takes an object for unused that was just read.
	 * @param keepId the row id of the object just written, which its own write never
	 * evicts; 0 for none
	 */
	Applied evict(PipelineRow row, long keepId, long now) {
		int objectLimit = this.limits.objectLimit(row);
		Long byteLimit = this.limits.byteLimit(row);
		Scope scope = new Scope.Pipeline(row.name());
		long count = row.objectCount();
		long bytes = row.bytes();
		Eviction order = this.limits.eviction(row);
		if (order == Eviction.LRU && overLimit(count, bytes, objectLimit, byteLimit)) {
			this.objects.touch(this.lastUses.drain(scope));
		}
		List<String> evicted = new ArrayList<>();
		while (overLimit(count, bytes, objectLimit, byteLimit)) {
			// Over the count: exactly the surplus (one, for a write to a full pipeline).
			// Over the bytes only: how many go is not known in advance, so a few at a
			// time.
			int batch = count > objectLimit ? (int) Math.min(count - objectLimit, BATCH) : 16;
			List<StoredObject> candidates = this.objects.evictionCandidates(scope, order, keepId, batch);
			if (candidates.isEmpty()) {
				break;
			}
			List<Long> rowIds = new ArrayList<>();
			List<Long> blobIds = new ArrayList<>();
			for (StoredObject victim : candidates) {
				if (!overLimit(count, bytes, objectLimit, byteLimit)) {
					break;
				}
				rowIds.add(victim.id());
				if (!victim.entry().inline()) {
					blobIds.add(victim.entry().blobId());
				}
				evicted.add(victim.entry().key());
				count--;
				bytes -= victim.entry().size();
			}
			this.objects.delete(rowIds);
			this.blobs.markGarbage(blobIds, now);
		}
		this.metrics.evicted(evicted.size(), row.bytes() - bytes);
		return new Applied(row.withCounts(count, bytes), evicted);
	}

	/**
	 * Expires the objects of every run that has left the expiry window since the last
	 * time.
	 */
	PipelineRow expireRuns(PipelineRow row, long now) {
		long through = this.limits.expiredThrough(row);
		if (through <= row.expiredThrough()) {
			return row;
		}
		List<ObjectRepository.RunObject> expired;
		int expiredObjects = 0;
		long expiredBytes = 0;
		do {
			expired = this.objects.runObjects(row.id(), row.expiredThrough(), through, BATCH);
			this.objects.delete(expired.stream().map(ObjectRepository.RunObject::rowId).toList());
			// Inline objects have no blob: their bytes went with their rows.
			this.blobs.markGarbage(
					expired.stream().map(ObjectRepository.RunObject::blobId).filter(Objects::nonNull).toList(), now);
			expiredObjects += expired.size();
			expiredBytes += expired.stream().mapToLong(ObjectRepository.RunObject::size).sum();
		}
		while (expired.size() == BATCH);
		this.metrics.expired(expiredObjects, expiredBytes);
		return row.withRuns(row.latestRunId(), through);
	}

	private static boolean overLimit(long count, long bytes, int objectLimit, @Nullable Long byteLimit) {
		return count > objectLimit || (byteLimit != null && bytes > byteLimit);
	}

}
