package dev.gofer.objectstore.catalog.sqlite;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.gofer.objectstore.error.UnavailableException;

/**
 * Group commit: makes commits durable with one sync for all the commits that finished
 * while the previous sync ran, instead of one sync each.
 * <p>
 * A thread calls {@link #awaitDurable()} right after its commit returned. If no sync is
 * running, it runs one itself, which covers every commit announced before it started;
 * otherwise it waits for the running sync to end and then for (or runs) the next one,
 * since the running sync may have started before its commit. It returns only once a sync
 * that started after its commit has succeeded, and throws if that sync failed: the commit
 * is then visible but not known durable, so it must not be acknowledged.
 */
public final class GroupSync {

	private final Runnable sync;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition finished = this.lock.newCondition();

	private final Counter syncs;

	private final Counter commits;

	/**
	 * Commits announced so far; each waiter's ticket is its position in this sequence.
	 */
	private long announced;

	/** Every commit up to this ticket is durable. */
	private long durableThrough;

	/**
	 * Every commit up to this ticket was covered by a sync that failed (unless durable
	 * since).
	 */
	private long failedThrough;

	private boolean syncing;

	/**
	 * @param sync makes durable everything committed before it starts; throws when it
	 * cannot
	 */
	public GroupSync(Runnable sync, MeterRegistry meters) {
		this.sync = sync;
		this.syncs = meters.counter("gofer.catalog.syncs");
		this.commits = meters.counter("gofer.catalog.synced.commits");
	}

	/**
	 * Returns once the commit this thread has just made is durable.
	 * @throws UnavailableException when the sync that was to cover it failed
	 */
	public void awaitDurable() {
		long ticket;
		long target;
		this.lock.lock();
		try {
			ticket = ++this.announced;
			while (true) {
				if (this.durableThrough >= ticket) {
					return;
				}
				if (this.failedThrough >= ticket) {
					throw new UnavailableException("The catalog could not make the write durable; retry it", null);
				}
				if (!this.syncing) {
					break;
				}
				this.finished.awaitUninterruptibly();
			}
			this.syncing = true;
			target = this.announced;
		}
		finally {
			this.lock.unlock();
		}
		lead(target);
	}

	private void lead(long target) {
		RuntimeException failure = null;
		try {
			this.sync.run();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		long covered;
		this.lock.lock();
		try {
			this.syncing = false;
			covered = target - this.durableThrough;
			if (failure == null) {
				this.durableThrough = target;
			}
			else {
				this.failedThrough = target;
			}
			this.finished.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (failure != null) {
			throw (failure instanceof UnavailableException unavailable) ? unavailable
					: new UnavailableException("The catalog could not make the write durable; retry it", failure);
		}
		this.syncs.increment();
		this.commits.increment(covered);
	}

}
