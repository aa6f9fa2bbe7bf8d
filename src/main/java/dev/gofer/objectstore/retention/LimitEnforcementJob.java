package dev.gofer.objectstore.retention;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.JobLease;
import dev.gofer.objectstore.catalog.PipelineCatalog;

/**
 * Applies every pipeline's limits and expiry window again. Writes apply them as they
 * happen; this catches pipelines that nobody writes to after the configured defaults were
 * lowered. Each pipeline is its own short transaction.
 */
@Component
class LimitEnforcementJob {

	private static final Logger logger = LoggerFactory.getLogger(LimitEnforcementJob.class);

	private final PipelineCatalog pipelines;

	private final RetentionProperties properties;

	private final JobLease lease;

	private final Counter runs;

	private final Counter evicted;

	private final Counter failures;

	LimitEnforcementJob(PipelineCatalog pipelines, RetentionProperties properties, MeterRegistry meters,
			JobLease lease) {
		this.lease = lease;
		this.pipelines = pipelines;
		this.properties = properties;
		this.runs = meters.counter("gofer.retention.runs", "job", "enforce");
		this.evicted = meters.counter("gofer.retention.objects.enforced");
		this.failures = meters.counter("gofer.retention.failures", "job", "enforce");
	}

	/** One scheduled run ({@link RetentionSchedule}). */
	void run() {
		if (this.lease.tryAcquire("enforce", this.properties.enforceInterval())) {
			enforce(this.properties.batchSize());
		}
	}

	/** One pass over every pipeline; returns how many pipeline objects it evicted. */
	int enforce(int batchSize) {
		this.runs.increment();
		int removed = 0;
		int failed = 0;
		long after = 0;
		List<Long> ids;
		do {
			ids = this.pipelines.pipelineIdsAfter(after, batchSize);
			for (long id : ids) {
				if (Thread.currentThread().isInterrupted()) {
					return removed;
				}
				try {
					removed += this.pipelines.enforce(id);
				}
				catch (RuntimeException ex) {
					failed++;
					logger.warn("Could not apply the limits of pipeline row {}", id, ex);
				}
				after = id;
			}
		}
		while (ids.size() == batchSize);
		this.evicted.increment(removed);
		this.failures.increment(failed);
		if (removed > 0 || failed > 0) {
			logger.info("Enforce: evicted {} pipeline objects over their limits, {} pipelines failed", removed, failed);
		}
		return removed;
	}

}
