package dev.gofer.objectstore.catalog;

import java.time.Clock;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.config.MetricsProperties;

/**
 * Gauges of the objects and bytes stored, per kind of object. Counting them scans the
 * catalog, so the count is taken when a scrape asks and is older than
 * {@code gofer.metrics.usage-refresh}, never per gauge or per scrape; with several
 * replicas each reports the same shared totals.
 */
@Component
class UsageMetrics implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(UsageMetrics.class);

	private static final Map<String, String> KINDS = Map.of("p", "pipeline", "r", "run", "e", "extension");

	private final UsageRepository usage;

	private final Clock clock;

	private final long refreshMillis;

	private @Nullable Snapshot snapshot;

	UsageMetrics(UsageRepository usage, Clock clock, MetricsProperties properties) {
		this.usage = usage;
		this.clock = clock;
		this.refreshMillis = properties.usageRefresh().toMillis();
	}

	private record Snapshot(long taken, Map<String, UsageRepository.KindUsage> byKind) {

	}

	@Override
	public void bindTo(MeterRegistry registry) {
		KINDS.forEach((prefix, kind) -> {
			Gauge
				.builder("gofer.objects.stored", this,
						metrics -> metrics.value(prefix, UsageRepository.KindUsage::objects))
				.description("Objects stored, of every pipeline, run or extension")
				.tag("kind", kind)
				.register(registry);
			Gauge.builder("gofer.stored", this, metrics -> metrics.value(prefix, UsageRepository.KindUsage::bytes))
				.description("Bytes of the objects stored (their sizes, not the engine's overhead)")
				.baseUnit("bytes")
				.tag("kind", kind)
				.register(registry);
		});
	}

	private double value(String prefix, ToLongFunction<UsageRepository.KindUsage> field) {
		Snapshot current = current();
		if (current == null) {
			return Double.NaN;
		}
		UsageRepository.KindUsage row = current.byKind().get(prefix);
		return row == null ? 0 : field.applyAsLong(row);
	}

	private synchronized @Nullable Snapshot current() {
		long now = this.clock.millis();
		if (this.snapshot == null || now - this.snapshot.taken() >= this.refreshMillis) {
			try {
				this.snapshot = new Snapshot(now,
						this.usage.byKind()
							.stream()
							.collect(Collectors.toMap(UsageRepository.KindUsage::kind, row -> row)));
			}
			catch (RuntimeException ex) {
				// Readiness reports an unreachable catalog; the gauges keep their last
				// values until
				// the next refresh instead of querying a failing database on every
				// scrape.
				logger.debug("Could not count the objects stored", ex);
				this.snapshot = this.snapshot == null ? null : new Snapshot(now, this.snapshot.byKind());
			}
		}
		return this.snapshot;
	}

}
