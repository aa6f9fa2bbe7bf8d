package dev.gofer.objectstore.retention;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pass of a retention job counts as a run, under its job's name. */
class RetentionJobMetricsIntegrationTests extends IntegrationTest {

	@Autowired
	ReclaimJob reclaim;

	@Autowired
	OrphanSweepJob sweep;

	@Autowired
	LimitEnforcementJob enforce;

	@Test
	void everyPassCountsAsARun() {
		PrometheusScrape before = PrometheusScrape.of(this.api);
		this.reclaim.reclaim(10);
		this.sweep.sweep(10);
		this.sweep.sweep(10);
		this.enforce.enforce(10);
		PrometheusScrape after = PrometheusScrape.of(this.api);

		assertThat(runs(after, "reclaim") - runs(before, "reclaim")).isEqualTo(1);
		assertThat(runs(after, "sweep") - runs(before, "sweep")).isEqualTo(2);
		assertThat(runs(after, "enforce") - runs(before, "enforce")).isEqualTo(1);
		assertThat(after.has("gofer_retention_failures_total")).isTrue();
	}

	private static double runs(PrometheusScrape scrape, String job) {
		return scrape.value("gofer_retention_runs_total", "job", job);
	}

}
