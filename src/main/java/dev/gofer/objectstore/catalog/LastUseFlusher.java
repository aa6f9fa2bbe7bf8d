package dev.gofer.objectstore.catalog;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Writes the last uses that reads recorded ({@link LastUseTracker}) into the catalog: a
 * scheduled job calls it every {@code gofer.catalog.last-use.flush-interval}, and it runs
 * once more when the service stops, after the web server has finished its requests. Each
 * flush is one ordinary write transaction per {@value #BATCH} objects, whatever the
 * number of reads.
 */
@Component
public class LastUseFlusher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(LastUseFlusher.class);

	/** Most objects per transaction, so that no flush holds the catalog's writer long. */
	static final int BATCH = 500;

	private final LastUseTracker tracker;

	private final ObjectCatalog catalog;

	private final Counter transactions;

	private final Counter updates;

	private volatile boolean running;

	LastUseFlusher(LastUseTracker tracker, ObjectCatalog catalog, MeterRegistry meters) {
		this.tracker = tracker;
		this.catalog = catalog;
		this.transactions = Counter.builder("gofer.catalog.last.use.flushes")
			.description("Transactions that wrote the last uses recorded by reads")
			.register(meters);
		this.updates = Counter.builder("gofer.catalog.last.use.updates")
			.description("Objects whose last use a flush moved forward")
			.register(meters);
	}

	/**
	 * Writes every use recorded so far. On failure the uses are kept for the next flush
	 * (within the tracker's bound).
	 * @return how many objects' last use moved forward
	 */
	public synchronized int flush() {
		List<LastUseTracker.Use> uses = this.tracker.drainAll();
		int changed = 0;
		for (int from = 0; from < uses.size(); from += BATCH) {
			List<LastUseTracker.Use> batch = uses.subList(from, Math.min(uses.size(), from + BATCH));
			try {
				changed += this.catalog.recordUses(batch);
				this.transactions.increment();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not record the last use of {} objects; retrying with the next flush",
						uses.size() - from, ex);
				this.tracker.restore(uses.subList(from, uses.size()));
				break;
			}
		}
		this.updates.increment(changed);
		return changed;
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		flush();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stops after the web server (which stops at a phase near {@code Integer.MAX_VALUE}),
	 * so that the last requests' reads are written too, and before the catalog's
	 * connections close, which happens after every phase.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

}
