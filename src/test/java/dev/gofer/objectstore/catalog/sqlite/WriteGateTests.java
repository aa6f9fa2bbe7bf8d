package dev.gofer.objectstore.catalog.sqlite;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.error.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One writer at a time; a writer that waits longer than the busy timeout gets a 503, not
 * a hang.
 */
class WriteGateTests {

	@Test
	void aWriterWaitingLongerThanTheTimeoutIsRefused() throws Exception {
		WriteGate gate = WriteGate.serializing(Duration.ofMillis(200));
		CountDownLatch holding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
			Future<?> holder = threads.submit(() -> gate.call(() -> {
				holding.countDown();
				awaitQuietly(release);
				return null;
			}));
			holding.await();
			long start = System.nanoTime();
			assertThatExceptionOfType(UnavailableException.class).isThrownBy(() -> gate.call(() -> "write"))
				.withMessageContaining("busy");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
			release.countDown();
			holder.get();
		}
		assertThat(gate.call(() -> "write")).isEqualTo("write");
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void theGateIsReentrantForATransactionsOwnStatements() {
		WriteGate gate = WriteGate.serializing(Duration.ofMillis(100));
		assertThat(gate.call(() -> gate.call(() -> "nested"))).isEqualTo("nested");
	}

	@Test
	void anOpenGateLetsEveryoneThrough() throws Exception {
		WriteGate gate = WriteGate.open();
		gate.acquire();
		try (ExecutorService threads = Executors.newSingleThreadExecutor()) {
			assertThat(threads.submit(() -> gate.call(() -> "other")).get()).isEqualTo("other");
		}
		gate.release();
	}

}
