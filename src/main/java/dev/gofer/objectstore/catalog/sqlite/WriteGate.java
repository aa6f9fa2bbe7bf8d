package dev.gofer.objectstore.catalog.sqlite;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.UnavailableException;
import dev.gofer.objectstore.store.DatabaseWriteTurn;

/**
 * Lets one thread of this process at a time write to a SQLite catalog, in arrival order.
 * <p>
 * SQLite has one writer per database. Left to itself, a connection that finds the write
 * lock taken polls for it with sleeps of 1 to 100 ms, so under concurrent writes most of
 * the time went into sleeping while the lock was free. Queueing the writers of this
 * process in a fair lock hands the database from one writer to the next at once. The gate
 * only orders; SQLite's own locking still guarantees correctness (another process may
 * hold the file too), so a write that bypasses the gate is slower, never wrong. On
 * PostgreSQL, which has row locks, the gate is open.
 */
public final class WriteGate implements DatabaseWriteTurn {

	private static final WriteGate OPEN = new WriteGate(null, Duration.ZERO);

	private final @Nullable ReentrantLock lock;

	private final Duration timeout;

	private WriteGate(@Nullable ReentrantLock lock, Duration timeout) {
		this.lock = lock;
		this.timeout = timeout;
	}

	/**
	 * A gate for a SQLite catalog.
	 * @param timeout how long a writer waits for its turn before its request fails with
	 * 503: the catalog's busy timeout, as a writer would have waited on SQLite's lock
	 */
	public static WriteGate serializing(Duration timeout) {
		return new WriteGate(new ReentrantLock(true), timeout);
	}

	/** A gate that lets every writer through, for catalogs with finer locks. */
	public static WriteGate open() {
		return OPEN;
	}

	/** Runs one write (or a few, as one statement each) in this process's turn. */
	@Override
	public <T> T call(Supplier<T> write) {
		acquire();
		try {
			return write.get();
		}
		finally {
			release();
		}
	}

	/** Waits for this thread's turn to write; {@link #release()} ends it. Reentrant. */
	public void acquire() {
		if (this.lock == null) {
			return;
		}
		boolean acquired;
		try {
			acquired = this.lock.tryLock(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException("Interrupted while waiting to write to the catalog", ex);
		}
		if (!acquired) {
			throw new UnavailableException("The catalog is busy with other writes; retry later", null);
		}
	}

	public void release() {
		if (this.lock != null) {
			this.lock.unlock();
		}
	}

}
