package dev.gofer.objectstore.retention;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gofer.retention.enabled=false}, as the shared test server sets it: no job is
 * scheduled at all.
 */
class RetentionDisabledIntegrationTests extends IntegrationTest {

	@Autowired
	ScheduledTaskHolder scheduler;

	@Test
	void noJobIsScheduled() {
		assertThat(RetentionScheduleIntegrationTests.schedule(this.scheduler)).isEmpty();
	}

}
