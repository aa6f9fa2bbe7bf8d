package dev.gofer.objectstore.retention;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.BlobCatalog;
import dev.gofer.objectstore.catalog.JobLease;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Deletes bytes that the engine holds but the catalog does not know: what a crash between
 * the two, a restored catalog backup or a manual change left behind. A blob's catalog row
 * is always written before its first byte and deleted after its last, so an unknown id is
 * never in use.
 */
@Component
class OrphanSweepJob {

	private static final Logger logger = LoggerFactory.getLogger(OrphanSweepJob.class);

	private final BlobCatalog blobs;

	private final ObjectStore store;

	private final RetentionProperties properties;

	private final JobLease lease;

	private final Counter runs;

	private final Counter swept;

	OrphanSweepJob(BlobCatalog blobs, ObjectStore store, RetentionProperties properties, MeterRegistry meters,
			JobLease lease) {
		this.lease = lease;
		this.blobs = blobs;
		this.store = store;
		this.properties = properties;
		this.runs = meters.counter("gofer.retention.runs", "job", "sweep");
		this.swept = meters.counter("gofer.retention.blobs.orphaned");
	}

	/** One scheduled run ({@link RetentionSchedule}). */
	void run() {
		if (this.lease.tryAcquire("sweep", this.properties.sweepInterval())) {
			sweep(this.properties.batchSize());
		}
	}

	/** One pass over the engine; returns how many orphans it deleted. */
	int sweep(int batchSize) {
		this.runs.increment();
		List<Long> orphans = new ArrayList<>();
		List<Long> batch = new ArrayList<>(batchSize);
		this.store.forEachBlobId(blobId -> {
			batch.add(blobId);
			if (batch.size() == batchSize) {
				orphans.addAll(unknown(batch));
				batch.clear();
			}
		});
		orphans.addAll(unknown(batch));
		orphans.forEach(this.store::delete);
		this.swept.increment(orphans.size());
		if (!orphans.isEmpty()) {
			logger.info("Sweep: deleted {} blobs that the catalog does not know", orphans.size());
		}
		return orphans.size();
	}

	private List<Long> unknown(List<Long> blobIds) {
		Set<Long> known = this.blobs.known(blobIds);
		return blobIds.stream().filter(id -> !known.contains(id)).toList();
	}

}
