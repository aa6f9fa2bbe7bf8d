package dev.gofer.objectstore.cache;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code gofer_cache_requests_total{protocol,outcome}} and the sizes of what each
 * protocol moves ({@code gofer_cache_upload_size_bytes},
 * {@code gofer_cache_download_size_bytes}). A hit and a miss are lookups (GET or HEAD)
 * that found an entry or not, {@code stored} an upload kept, {@code rejected} any request
 * refused (bad input, credentials, scope, size, or a failure of the store).
 */
@Component
class CacheMetrics {

	private static final double KB = 1024;

	private static final double[] SIZE_BUCKETS = { KB, 64 * KB, KB * KB, 16 * KB * KB, 256 * KB * KB, KB * KB * KB,
			4 * KB * KB * KB };

	/** What became of a cache request. */
	enum Outcome {

		HIT, MISS, STORED, REJECTED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final MeterRegistry meters;

	CacheMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	void count(String protocol, Outcome outcome) {
		Counter.builder("gofer.cache.requests")
			.description("Requests of the build tools' cache protocols, by what became of them")
			.tags("protocol", protocol, "outcome", outcome.tag())
			.register(this.meters)
			.increment();
	}

	void uploaded(String protocol, long bytes) {
		size("upload", protocol, bytes);
	}

	void downloaded(String protocol, long bytes) {
		size("download", protocol, bytes);
	}

	private void size(String direction, String protocol, long bytes) {
		DistributionSummary.builder("gofer.cache." + direction + ".size")
			.description("Bytes of each cache entry " + direction + " that succeeded")
			.baseUnit("bytes")
			.serviceLevelObjectives(SIZE_BUCKETS)
			.tag("protocol", protocol)
			.register(this.meters)
			.record(bytes);
	}

}
