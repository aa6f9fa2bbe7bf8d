package dev.gofer.objectstore.catalog;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.gofer.objectstore.config.MetricsProperties;
import dev.gofer.objectstore.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The usage gauges query the catalog at most once per refresh interval, however often
 * read.
 */
class UsageMetricsTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final CountingRepository repository = new CountingRepository();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	UsageMetricsTests() {
		new UsageMetrics(this.repository, this.clock, new MetricsProperties(Duration.ofMinutes(1))).bindTo(this.meters);
	}

	@Test
	void readsTheCatalogOncePerInterval() {
		this.repository.rows = List.of(new UsageRepository.KindUsage("p", 3, 300),
				new UsageRepository.KindUsage("e", 1, 10));
		assertThat(gauge("gofer.objects.stored", "pipeline")).isEqualTo(3);
		assertThat(gauge("gofer.stored", "pipeline")).isEqualTo(300);
		assertThat(gauge("gofer.objects.stored", "extension")).isEqualTo(1);
		assertThat(gauge("gofer.objects.stored", "run")).isZero();
		assertThat(this.repository.queries.get()).isEqualTo(1);

		this.repository.rows = List.of(new UsageRepository.KindUsage("p", 4, 400));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(gauge("gofer.objects.stored", "pipeline")).isEqualTo(3);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(gauge("gofer.objects.stored", "pipeline")).isEqualTo(4);
		assertThat(gauge("gofer.objects.stored", "extension")).isZero();
		assertThat(this.repository.queries.get()).isEqualTo(2);
	}

	@Test
	void keepsTheLastValuesWhileTheCatalogIsUnreachable() {
		this.repository.rows = List.of(new UsageRepository.KindUsage("r", 5, 50));
		assertThat(gauge("gofer.objects.stored", "run")).isEqualTo(5);

		this.repository.rows = null;
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(gauge("gofer.objects.stored", "run")).isEqualTo(5);
		assertThat(gauge("gofer.stored", "run")).isEqualTo(50);
		// One failed query per interval, not one per gauge read.
		assertThat(this.repository.queries.get()).isEqualTo(2);
	}

	@Test
	void reportsNothingBeforeTheFirstSuccessfulCount() {
		this.repository.rows = null;
		assertThat(gauge("gofer.objects.stored", "pipeline")).isNaN();
	}

	private double gauge(String name, String kind) {
		return this.meters.get(name).tag("kind", kind).gauge().value();
	}

	/**
	 * Answers with {@link #rows}, or fails like an unreachable database when it is null.
	 */
	private static final class CountingRepository extends UsageRepository {

		final AtomicInteger queries = new AtomicInteger();

		volatile @Nullable List<KindUsage> rows = List.of();

		CountingRepository() {
			// Never connects: byKind is overridden.
			super(JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite::memory:")));
		}

		@Override
		List<KindUsage> byKind() {
			this.queries.incrementAndGet();
			List<KindUsage> answer = this.rows;
			if (answer == null) {
				throw new IllegalStateException("database unreachable");
			}
			return answer;
		}

	}

}
