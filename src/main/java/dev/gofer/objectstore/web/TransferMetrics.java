package dev.gofer.objectstore.web;

import java.time.Duration;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.Scope;

/**
 * Sizes and durations of object uploads and downloads, by kind of object. The buckets are
 * fixed (not percentile histograms) so that a handful of series per meter answers "how
 * many transfers were larger or slower than X" in Prometheus.
 */
@Component
public class TransferMetrics {

	private static final double KB = 1024;

	private static final double[] SIZE_BUCKETS = { KB, 64 * KB, KB * KB, 16 * KB * KB, 256 * KB * KB, KB * KB * KB,
			4 * KB * KB * KB };

	private static final Duration[] DURATION_BUCKETS = { Duration.ofMillis(10), Duration.ofMillis(100),
			Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10) };

	private final MeterRegistry meters;

	TransferMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/**
	 * A transfer under way; {@link Transfer#succeeded} or {@link Transfer#failed} ends
	 * it.
	 */
	public Transfer start(String direction, Scope scope) {
		return new Transfer(direction, kind(scope), System.nanoTime());
	}

	public final class Transfer {

		private final String direction;

		private final String kind;

		private final long startNanos;

		private Transfer(String direction, String kind, long startNanos) {
			this.direction = direction;
			this.kind = kind;
			this.startNanos = startNanos;
		}

		public void succeeded(long bytes) {
			DistributionSummary.builder("gofer." + this.direction + ".size")
				.description("Bytes in an object " + this.direction + " that succeeded")
				.baseUnit("bytes")
				.serviceLevelObjectives(SIZE_BUCKETS)
				.tag("kind", this.kind)
				.register(TransferMetrics.this.meters)
				.record(bytes);
			record("success");
		}

		public void failed() {
			record("failure");
		}

		private void record(String outcome) {
			Timer.builder("gofer." + this.direction + ".duration")
				.description("Time taken by an object " + this.direction + ", body included")
				.serviceLevelObjectives(DURATION_BUCKETS)
				.tags("kind", this.kind, "outcome", outcome)
				.register(TransferMetrics.this.meters)
				.record(Duration.ofNanos(System.nanoTime() - this.startNanos));
		}

	}

	private static String kind(Scope scope) {
		return switch (scope) {
			case Scope.Pipeline p -> "pipeline";
			case Scope.Run r -> "run";
			case Scope.Extension e -> "extension";
		};
	}

}
