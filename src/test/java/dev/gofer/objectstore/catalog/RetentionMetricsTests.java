package dev.gofer.objectstore.catalog;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/** Removals count once their transaction commits, and not at all when it rolls back. */
class RetentionMetricsTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RetentionMetrics metrics = new RetentionMetrics(this.meters);

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void countsAfterCommit() {
		TransactionSynchronizationManager.initSynchronization();
		this.metrics.evicted(2, 300);
		this.metrics.expired(1, 7);
		assertThat(count("gofer.objects.evicted")).isZero();

		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		assertThat(count("gofer.objects.evicted")).isEqualTo(2);
		assertThat(this.meters.get("gofer.reclaimed.bytes").tag("reason", "evicted").counter().count()).isEqualTo(300);
		assertThat(count("gofer.objects.expired")).isEqualTo(1);
		assertThat(this.meters.get("gofer.reclaimed.bytes").tag("reason", "expired").counter().count()).isEqualTo(7);
	}

	@Test
	void countsNothingWhenTheTransactionRollsBack() {
		TransactionSynchronizationManager.initSynchronization();
		this.metrics.evicted(2, 300);
		TransactionSynchronizationManager.getSynchronizations()
			.forEach(sync -> sync.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
		assertThat(count("gofer.objects.evicted")).isZero();
	}

	@Test
	void countsAtOnceOutsideATransaction() {
		this.metrics.expired(3, 30);
		assertThat(count("gofer.objects.expired")).isEqualTo(3);
	}

	private double count(String name) {
		return this.meters.get(name).counter().count();
	}

}
