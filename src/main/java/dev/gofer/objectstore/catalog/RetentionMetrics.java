package dev.gofer.objectstore.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what the retention rules remove. The rules run inside the transaction of a
 * write, a run registration or a limit change, which may still roll back: the counters
 * move only once it has committed, so they never count a removal that did not happen.
 */
@Component
class RetentionMetrics {

	private final Counter evicted;

	private final Counter expired;

	private final Counter evictedBytes;

	private final Counter expiredBytes;

	RetentionMetrics(MeterRegistry meters) {
		this.evicted = Counter.builder("gofer.objects.evicted")
			.description("Pipeline objects evicted to keep a pipeline within its object or byte limit")
			.register(meters);
		this.expired = Counter.builder("gofer.objects.expired")
			.description("Run objects expired because their run left the pipeline's expiry window")
			.register(meters);
		this.evictedBytes = reclaimedBytes(meters, "evicted");
		this.expiredBytes = reclaimedBytes(meters, "expired");
	}

	void evicted(int objects, long bytes) {
		afterCommit(objects, () -> {
			this.evicted.increment(objects);
			this.evictedBytes.increment(bytes);
		});
	}

	void expired(int objects, long bytes) {
		afterCommit(objects, () -> {
			this.expired.increment(objects);
			this.expiredBytes.increment(bytes);
		});
	}

	private static Counter reclaimedBytes(MeterRegistry meters, String reason) {
		return Counter.builder("gofer.reclaimed.bytes")
			.baseUnit("bytes")
			.description("Bytes of objects removed by eviction or expiry; the reclaim job frees their storage")
			.tag("reason", reason)
			.register(meters);
	}

	private static void afterCommit(int objects, Runnable count) {
		if (objects == 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				count.run();
			}

		});
	}

}
