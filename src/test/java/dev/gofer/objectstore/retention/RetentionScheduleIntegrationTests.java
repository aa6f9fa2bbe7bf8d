package dev.gofer.objectstore.retention;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retention jobs run at the intervals {@code gofer.retention.*} configures, each
 * waiting one interval before its first run but the heartbeat, and each run shows in the
 * job's counters and in Spring's scheduled-task timer.
 */
@SpringBootTest(classes = GoferApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN,
				"gofer.retention.reclaim-interval=100ms", "gofer.retention.sweep-interval=7h",
				"gofer.retention.enforce-interval=3h", "gofer.retention.heartbeat-interval=2s",
				"gofer.catalog.last-use.flush-interval=5m" })
class RetentionScheduleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ScheduledTaskHolder scheduler;

	@Test
	void eachJobRunsAtItsConfiguredInterval() {
		assertThat(RetentionScheduleIntegrationTests.schedule(this.scheduler))
			.containsExactlyInAnyOrderEntriesOf(Map.of("ReclaimJob", "every PT0.1S after PT0.1S", "OrphanSweepJob",
					"every PT7H after PT7H", "LimitEnforcementJob", "every PT3H after PT3H", "HeartbeatJob",
					"every PT2S after PT0S", "LastUseFlushJob", "every PT5M after PT5M"));
	}

	@Test
	void eachRunIsCountedAndTimed() {
		ApiClient api = ApiClient.onPort(this.port);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			PrometheusScrape scrape = PrometheusScrape.of(api);
			assertThat(scrape.value("gofer_retention_runs_total", "job", "reclaim")).isGreaterThanOrEqualTo(2);
			assertThat(scrape.value("tasks_scheduled_execution_seconds_count", "code_namespace",
					ReclaimJob.class.getName(), "outcome", "SUCCESS"))
				.isGreaterThanOrEqualTo(2);
		});
	}

	/** The fixed-delay tasks the scheduler holds, by the simple name of their job. */
	static Map<String, String> schedule(ScheduledTaskHolder scheduler) {
		Map<String, String> schedule = new TreeMap<>();
		for (ScheduledTask scheduled : scheduler.getScheduledTasks()) {
			if (scheduled.getTask() instanceof FixedDelayTask task) {
				String job = task.getRunnable().toString();
				schedule.put(job.substring(job.lastIndexOf('.', job.lastIndexOf('.') - 1) + 1, job.lastIndexOf('.')),
						"every " + task.getIntervalDuration() + " after " + task.getInitialDelayDuration());
			}
		}
		return schedule;
	}

}
