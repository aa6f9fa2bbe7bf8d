package dev.gofer.objectstore.catalog.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.error.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Group commit: every caller waits for a sync of its own commit, and concurrent callers
 * share one.
 */
class GroupSyncTests {

	private static final int THREADS = 16;

	private static final int CALLS = 40;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicLong started = new AtomicLong();

	private final AtomicLong finished = new AtomicLong();

	private final AtomicBoolean overlapped = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean();

	/**
	 * A sync that takes a millisecond, like an fsync, and notes whether two ever ran at
	 * once.
	 */
	private void slowSync() {
		if (!this.running.compareAndSet(false, true)) {
			this.overlapped.set(true);
		}
		this.started.incrementAndGet();
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.finished.incrementAndGet();
		this.running.set(false);
	}

	@Test
	void everyCallerReturnsAfterASyncThatStartedAfterItCalled() throws Exception {
		GroupSync sync = new GroupSync(this::slowSync, this.meters);
		AtomicInteger early = new AtomicInteger();
		try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> results = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				results.add(threads.submit(() -> {
					for (int i = 0; i < CALLS; i++) {
						long syncsBefore = this.started.get();
						sync.awaitDurable();
						// Syncs run one at a time, so sync number syncsBefore + 1, which
						// started
						// after this call began, must have finished.
						if (this.finished.get() < syncsBefore + 1) {
							early.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> result : results) {
				result.get();
			}
		}
		assertThat(early).hasValue(0);
		assertThat(this.overlapped).isFalse();
		// Concurrent callers shared syncs: far fewer syncs than commits.
		assertThat(this.started.get()).isLessThan(THREADS * CALLS / 2);
		assertThat(this.meters.counter("gofer.catalog.synced.commits").count()).isEqualTo(THREADS * CALLS);
		assertThat(this.meters.counter("gofer.catalog.syncs").count()).isEqualTo(this.started.get());
	}

	@Test
	void aFailedSyncFailsItsCommitAndTheNextSyncIsTried() {
		AtomicInteger calls = new AtomicInteger();
		GroupSync sync = new GroupSync(() -> {
			if (calls.incrementAndGet() == 1) {
				throw new IllegalStateException("disk I/O error");
			}
		}, this.meters);

		assertThatExceptionOfType(UnavailableException.class).isThrownBy(sync::awaitDurable)
			.withMessageContaining("could not make the write durable");
		sync.awaitDurable();
		assertThat(calls).hasValue(2);
	}

}
