package dev.gofer.objectstore.retention;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.BlobCatalog;
import dev.gofer.objectstore.catalog.JobLease;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Deletes the bytes of objects that were overwritten, deleted, evicted or expired, and of
 * uploads whose instance died. Safe to run on several replicas at once: deleting bytes is
 * idempotent and only one replica's {@code forget} succeeds.
 */
@Component
class ReclaimJob {

	private static final Logger logger = LoggerFactory.getLogger(ReclaimJob.class);

	private final BlobCatalog blobs;

	private final ObjectStore store;

	private final RetentionProperties properties;

	private final JobLease lease;

	private final Clock clock;

	private final Counter runs;

	private final Counter reclaimed;

	private final Counter abandoned;

	private final Counter failures;

	ReclaimJob(BlobCatalog blobs, ObjectStore store, RetentionProperties properties, Clock clock, MeterRegistry meters,
			JobLease lease) {
		this.lease = lease;
		this.blobs = blobs;
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.runs = meters.counter("gofer.retention.runs", "job", "reclaim");
		this.reclaimed = meters.counter("gofer.retention.blobs.reclaimed");
		this.abandoned = meters.counter("gofer.retention.uploads.abandoned");
		this.failures = meters.counter("gofer.retention.failures", "job", "reclaim");
	}

	/** One scheduled run ({@link RetentionSchedule}). */
	void run() {
		if (this.lease.tryAcquire("reclaim", this.properties.reclaimInterval())) {
			reclaim(this.properties.batchSize());
		}
	}

	/** One pass; returns how many blobs it deleted. */
	int reclaim(int batchSize) {
		this.runs.increment();
		long now = this.clock.millis();
		// A transaction: on SQLite its commit also syncs every commit before it, so the
		// garbage
		// marks acted on below are durable before any bytes go (a power cut cannot bring
		// back an
		// object whose bytes are deleted).
		int abandonedUploads = this.blobs.abandonPending(now - this.properties.instanceLease().toMillis());
		this.abandoned.increment(abandonedUploads);
		long cutoff = now - this.properties.reclaimDelay().toMillis();
		int deleted = 0;
		int failed = 0;
		List<Long> batch;
		do {
			batch = this.blobs.garbage(cutoff, batchSize);
			for (long blobId : batch) {
				if (Thread.currentThread().isInterrupted()) {
					return deleted;
				}
				try {
					this.store.delete(blobId);
					if (this.blobs.forget(blobId)) {
						deleted++;
					}
				}
				catch (RuntimeException ex) {
					failed++;
					logger.warn("Could not reclaim blob {}; will retry on the next run", blobId, ex);
				}
			}
		}
		while (batch.size() == batchSize && failed == 0);
		this.reclaimed.increment(deleted);
		this.failures.increment(failed);
		if (deleted > 0 || failed > 0 || abandonedUploads > 0) {
			logger.info("Reclaim: deleted {} blobs ({} from abandoned uploads), {} failed", deleted, abandonedUploads,
					failed);
		}
		return deleted;
	}

}
