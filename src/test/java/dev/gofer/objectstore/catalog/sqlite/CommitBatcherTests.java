package dev.gofer.objectstore.catalog.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gofer.objectstore.error.PreconditionFailedException;
import dev.gofer.objectstore.error.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Commits run in batches on a real SQLite file: each caller gets its own commit's result
 * or failure, a failure undoes only its own commit, and a batch that cannot commit
 * acknowledges nothing.
 */
class CommitBatcherTests {

	private static final int THREADS = 16;

	@TempDir
	Path directory;

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private HikariDataSource dataSource;

	private JdbcClient jdbc;

	private TransactionTemplate transaction;

	private CommitBatcher batcher;

	@BeforeEach
	void createCatalog() {
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl("jdbc:sqlite:" + this.directory.resolve("catalog.db"));
		this.dataSource.setDataSourceProperties(SqliteCatalog.config(Duration.ofSeconds(10)).toProperties());
		this.dataSource.setMaximumPoolSize(4);
		this.jdbc = JdbcClient.create(this.dataSource);
		this.jdbc.sql("CREATE TABLE parents (id INTEGER PRIMARY KEY)").update();
		this.jdbc.sql("""
				CREATE TABLE rows (k TEXT PRIMARY KEY, parent INTEGER
				    REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED)""").update();
		this.jdbc.sql("INSERT INTO parents VALUES (1)").update();
		this.batcher = batcher(null);
	}

	private CommitBatcher batcher(@Nullable GroupSync sync) {
		CatalogTransactionManager transactions = new CatalogTransactionManager(this.dataSource,
				WriteGate.serializing(Duration.ofSeconds(10)), sync, null);
		this.transaction = new TransactionTemplate(transactions);
		return CommitBatcher.batching(transactions, Duration.ofMillis(500), this.meters);
	}

	@AfterEach
	void close() {
		this.batcher.destroy();
		this.dataSource.close();
	}

	/**
	 * A transactional write, as the catalog's are: it joins the transaction it is called
	 * in.
	 */
	private String insert(String key, long parent) {
		return this.transaction.execute(status -> {
			this.jdbc.sql("INSERT INTO rows (k, parent) VALUES (?, ?)").params(key, parent).update();
			return key;
		});
	}

	private List<String> keys() {
		return this.jdbc.sql("SELECT k FROM rows ORDER BY k").query(String.class).list();
	}

	@Test
	void concurrentCommitsShareTransactionsAndEachCallerGetsItsOwnResult() throws Exception {
		List<String> expected = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < THREADS * 20; i++) {
				String key = "k%03d".formatted(i);
				expected.add(key);
				results.add(threads.submit(() -> this.batcher.call(() -> insert(key, 1))));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).isEqualTo(expected.get(i));
			}
		}
		assertThat(keys()).containsExactlyElementsOf(expected);
		double batches = this.meters.counter("gofer.catalog.commit.batches").count();
		assertThat(this.meters.counter("gofer.catalog.commit.batched").count()).isEqualTo(expected.size());
		assertThat(batches).isLessThan(expected.size());
	}

	@Test
	void aCallerReturnsOnlyAfterASyncThatStartedAfterItsCommit() throws Exception {
		AtomicLong started = new AtomicLong();
		AtomicLong finished = new AtomicLong();
		this.batcher.destroy();
		this.batcher = batcher(new GroupSync(() -> {
			started.incrementAndGet();
			sleep(1);
			finished.incrementAndGet();
		}, this.meters));
		AtomicInteger early = new AtomicInteger();
		int commits = THREADS * 20;
		try (ExecutorService threads = Executors.newFixedThreadPool(THREADS)) {
			List<Future<?>> results = new ArrayList<>();
			for (int i = 0; i < commits; i++) {
				String key = "k" + i;
				results.add(threads.submit(() -> {
					AtomicLong startedBeforeCommit = new AtomicLong();
					this.batcher.call(() -> {
						startedBeforeCommit.set(started.get());
						return insert(key, 1);
					});
					// Syncs run one at a time, so the first one to start after this
					// commit ran
					// has finished.
					if (finished.get() < startedBeforeCommit.get() + 1) {
						early.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> result : results) {
				result.get();
			}
		}
		assertThat(early).hasValue(0);
		assertThat(keys()).hasSize(commits);
		assertThat(started.get()).isLessThan(commits);
	}

	@Test
	void aFailedSyncFailsTheCallersOfTheCommitsItWasToCover() {
		AtomicBoolean failing = new AtomicBoolean(true);
		this.batcher.destroy();
		this.batcher = batcher(new GroupSync(() -> {
			if (failing.get()) {
				throw new IllegalStateException("the disk is gone");
			}
		}, this.meters));
		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.batcher.call(() -> insert("unsynced", 1)))
			.withMessageContaining("durable");
		failing.set(false);
		assertThat(this.batcher.call(() -> insert("synced", 1))).isEqualTo("synced");
		// Committed, but not acknowledged: its writer was told to retry.
		assertThat(keys()).containsExactly("synced", "unsynced");
	}

	@Test
	void aFailingCommitIsUndoneAloneAndItsCallerGetsItsException() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			Future<String> first = holdWriter(threads, "first", release);
			Future<String> before = threads.submit(() -> this.batcher.call(() -> insert("before", 1)));
			Future<String> failing = threads.submit(() -> this.batcher.call(() -> {
				insert("failing", 1);
				throw new PreconditionFailedException("refused after its row was written");
			}));
			Future<String> after = threads.submit(() -> this.batcher.call(() -> insert("after", 1)));
			waitUntilQueued(3);
			release.countDown();
			assertThat(first.get()).isEqualTo("first");
			assertThat(before.get()).isEqualTo("before");
			assertThat(after.get()).isEqualTo("after");
			assertThatExceptionOfType(Exception.class).isThrownBy(failing::get)
				.havingCause()
				.isInstanceOf(PreconditionFailedException.class);
		}
		assertThat(keys()).containsExactly("after", "before", "first");
	}

	@Test
	void aBatchThatCannotCommitAcknowledgesNothing() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			Future<String> busy = holdWriter(threads, "busy", release);
			Future<String> good = threads.submit(() -> this.batcher.call(() -> insert("good", 1)));
			// A deferred foreign key fails at COMMIT, not at the statement: the batch's
			// COMMIT fails.
			Future<String> dangling = threads.submit(() -> this.batcher.call(() -> insert("dangling", 42)));
			waitUntilQueued(2);
			release.countDown();
			assertThat(busy.get()).isEqualTo("busy");
			for (Future<String> result : List.of(good, dangling)) {
				assertThatExceptionOfType(Exception.class).isThrownBy(result::get)
					.havingCause()
					.isInstanceOf(UnavailableException.class)
					.withMessageContaining("retry");
			}
		}
		assertThat(keys()).containsExactly("busy");
		// The writer goes on with the next batch.
		assertThat(this.batcher.call(() -> insert("next", 1))).isEqualTo("next");
	}

	@Test
	@Timeout(10)
	void aCommitStillQueuedWhenItsCallerGivesUpNeverRuns() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			Future<String> busy = holdWriter(threads, "busy", release);
			long start = System.nanoTime();
			// Waits longer than the 500 ms timeout behind the busy writer.
			assertThatExceptionOfType(UnavailableException.class)
				.isThrownBy(() -> this.batcher.call(() -> insert("late", 1)))
				.withMessageContaining("busy");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("never before the timeout")
				.isGreaterThanOrEqualTo(Duration.ofMillis(500));
			release.countDown();
			assertThat(busy.get()).isEqualTo("busy");
		}
		assertThat(this.batcher.call(() -> insert("next", 1))).isEqualTo("next");
		assertThat(keys()).containsExactly("busy", "next");
	}

	@Test
	@Timeout(10)
	void anInterruptedCallerTakesItsQueuedCommitBack() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch callerReturned = new CountDownLatch(1);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
			Future<String> busy = holdWriter(threads, "busy", release);
			Future<?> interrupted = threads.submit(() -> {
				try {
					this.batcher.call(() -> insert("interrupted", 1));
				}
				catch (RuntimeException ex) {
					failure.set(ex);
				}
				finally {
					stillInterrupted.set(Thread.currentThread().isInterrupted());
					callerReturned.countDown();
				}
			});
			waitUntilQueued(1);
			interrupted.cancel(true);
			// The caller gives up while the writer is still busy, so its commit is still
			// queued.
			await(callerReturned);
			release.countDown();
			assertThat(busy.get()).isEqualTo("busy");
		}
		assertThat(failure.get()).isInstanceOf(UnavailableException.class).hasMessageContaining("Interrupted");
		assertThat(stillInterrupted).as("the interrupt is kept for the caller").isTrue();
		assertThat(keys()).containsExactly("busy");
	}

	@Test
	void aCallerInsideATransactionCommitsOnItsOwnThread() {
		// The writer would wait for this transaction's connection and this one for the
		// writer.
		TransactionTemplate outer = new TransactionTemplate(new JdbcTransactionManager(this.dataSource));
		Thread caller = Thread.currentThread();
		String key = outer.execute(status -> this.batcher.call(() -> {
			assertThat(Thread.currentThread()).isSameAs(caller);
			return insert("inside", 1);
		}));
		assertThat(key).isEqualTo("inside");
		assertThat(keys()).containsExactly("inside");
	}

	@Test
	void aFailedStatementIsUndoneAloneAndReachesItsCaller() {
		this.batcher.call(() -> insert("taken", 1));
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> this.batcher.call(() -> insert("taken", 1)))
			.withMessageContaining("UNIQUE");
		assertThat(this.batcher.call(() -> insert("free", 1))).isEqualTo("free");
		assertThat(keys()).containsExactly("free", "taken");
	}

	@Test
	void commitsAfterShutdownAreRefused() {
		this.batcher.destroy();
		assertThatExceptionOfType(UnavailableException.class)
			.isThrownBy(() -> this.batcher.call(() -> insert("late", 1)))
			.withMessageContaining("shutting down");
		assertThat(keys()).isEmpty();
	}

	/**
	 * Keeps the writer inside the commit of {@code key} until {@code release}, so that
	 * the commits made meanwhile queue up and run as one batch after it.
	 */
	private Future<String> holdWriter(ExecutorService threads, String key, CountDownLatch release)
			throws InterruptedException {
		CountDownLatch writerBusy = new CountDownLatch(1);
		Future<String> held = threads.submit(() -> this.batcher.call(() -> {
			writerBusy.countDown();
			await(release);
			return insert(key, 1);
		}));
		assertThat(writerBusy.await(10, TimeUnit.SECONDS)).isTrue();
		return held;
	}

	private void waitUntilQueued(int tasks) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.batcher.queued() < tasks) {
			assertThat(System.nanoTime()).as("queued in time").isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
