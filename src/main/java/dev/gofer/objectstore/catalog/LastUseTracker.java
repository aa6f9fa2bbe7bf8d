package dev.gofer.objectstore.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The last uses of pipeline objects that reads have made and the catalog does not know
 * yet. A read must not cost a write transaction, so it only records its time here; the
 * {@link LastUseFlusher} writes what has gathered in one transaction per interval, and an
 * LRU eviction first writes what this instance holds for its pipeline, so that on one
 * instance eviction always sees every read. Another replica's reads reach the catalog
 * within that replica's flush interval. What a crash loses is only this recency: the
 * objects read since the last flush look older than they are.
 * <p>
 * Memory is bounded: one entry per object read since the last flush, at most
 * {@value #MAX_PENDING}; past that, further uses are dropped (and counted) until the next
 * flush.
 */
@Component
class LastUseTracker {

	/** Most objects whose use waits for a flush. */
	static final int MAX_PENDING = 100_000;

	/** Uses by scope, then by key: the latest time each key was read. */
	private final Map<String, Map<String, Long>> pending = new ConcurrentHashMap<>();

	private final AtomicInteger size = new AtomicInteger();

	private final Counter dropped;

	LastUseTracker(MeterRegistry meters) {
		this.dropped = Counter.builder("gofer.catalog.last.use.dropped")
			.description("Reads whose last use was not recorded because too many waited for a flush")
			.register(meters);
	}

	/**
	 * One recorded use: the object under {@code key} of {@code scope} was read at
	 * {@code at}.
	 */
	record Use(String scope, String key, long at) {

		static final Comparator<Use> ORDER = Comparator.comparing(Use::scope).thenComparing(Use::key);

	}

	/** Records that the object under {@code key} was read at {@code at}. */
	void record(Scope.Pipeline scope, String key, long at) {
		add(scope.catalogKey(), key, at);
	}

	private void add(String scope, String key, long at) {
		Map<String, Long> uses = this.pending.computeIfAbsent(scope, name -> new ConcurrentHashMap<>());
		if (uses.computeIfPresent(key, (k, earlier) -> Math.max(earlier, at)) != null) {
			return;
		}
		if (this.size.incrementAndGet() > MAX_PENDING) {
			this.size.decrementAndGet();
			this.dropped.increment();
			return;
		}
		if (uses.putIfAbsent(key, at) != null) {
			// Another read of the same key came first.
			this.size.decrementAndGet();
			uses.merge(key, at, Math::max);
		}
	}

	/** Takes the uses recorded for one scope, for a transaction that writes them. */
	List<Use> drain(Scope scope) {
		Map<String, Long> uses = this.pending.remove(scope.catalogKey());
		if (uses == null) {
			return List.of();
		}
		List<Use> drained = new ArrayList<>();
		uses.forEach((key, at) -> drained.add(new Use(scope.catalogKey(), key, at)));
		this.size.addAndGet(-drained.size());
		drained.sort(Use.ORDER);
		return drained;
	}

	/**
	 * Takes every use recorded, sorted by scope and key so that concurrent flushes of two
	 * replicas lock rows in the same order.
	 */
	List<Use> drainAll() {
		List<Use> drained = new ArrayList<>();
		for (String scope : List.copyOf(this.pending.keySet())) {
			Map<String, Long> uses = this.pending.remove(scope);
			if (uses != null) {
				uses.forEach((key, at) -> drained.add(new Use(scope, key, at)));
			}
		}
		// Recounted rather than decremented: a read that raced a drain may have landed in
		// a map just taken (its use is lost, which is allowed) and must not stay counted.
		this.size.set(this.pending.values().stream().mapToInt(Map::size).sum());
		drained.sort(Use.ORDER);
		return drained;
	}

	/** Puts back uses whose flush failed, to be tried again with the next one. */
	void restore(List<Use> uses) {
		uses.forEach(use -> add(use.scope(), use.key(), use.at()));
	}

	/** How many objects' uses wait for a flush. */
	int pending() {
		return this.size.get();
	}

}
