package dev.gofer.objectstore.retention;

import java.lang.reflect.Method;
import java.time.Duration;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import dev.gofer.objectstore.catalog.LastUseProperties;

/**
 * Schedules the retention jobs at the intervals of {@link RetentionProperties} (and the
 * flush of last uses at {@code gofer.catalog.last-use.flush-interval}), and none of them
 * when {@code gofer.retention.enabled} is false. Read from the properties record rather
 * than from {@code @Scheduled} placeholders, so that each interval's default is written
 * in one place only, the record. Each job waits one interval before its first run (a
 * fresh start has nothing to reclaim yet), except the heartbeat, which must be fresh at
 * once. Each run is observed as an {@code @Scheduled} method's would be
 * ({@code tasks_scheduled_execution_seconds}, by the job's class).
 */
@Component
class RetentionSchedule implements SchedulingConfigurer {

	private final RetentionProperties properties;

	private final ReclaimJob reclaim;

	private final OrphanSweepJob sweep;

	private final LimitEnforcementJob enforce;

	private final HeartbeatJob heartbeat;

	private final LastUseProperties lastUse;

	private final LastUseFlushJob lastUseFlush;

	RetentionSchedule(RetentionProperties properties, ReclaimJob reclaim, OrphanSweepJob sweep,
			LimitEnforcementJob enforce, HeartbeatJob heartbeat, LastUseProperties lastUse,
			LastUseFlushJob lastUseFlush) {
		this.properties = properties;
		this.lastUse = lastUse;
		this.lastUseFlush = lastUseFlush;
		this.reclaim = reclaim;
		this.sweep = sweep;
		this.enforce = enforce;
		this.heartbeat = heartbeat;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.properties.enabled()) {
			return;
		}
		every(registrar, this.properties.reclaimInterval(), true, this.reclaim);
		every(registrar, this.properties.sweepInterval(), true, this.sweep);
		every(registrar, this.properties.enforceInterval(), true, this.enforce);
		every(registrar, this.properties.heartbeatInterval(), false, this.heartbeat);
		every(registrar, this.lastUse.flushInterval(), true, this.lastUseFlush);
	}

	/**
	 * Runs {@code job.run()} with a fixed delay between the end of a run and the next.
	 */
	private static void every(ScheduledTaskRegistrar registrar, Duration interval, boolean waitFirst, Object job) {
		Method run = ReflectionUtils.findMethod(job.getClass(), "run");
		if (run == null) {
			throw new IllegalStateException(job.getClass().getSimpleName() + " has no run() method to schedule");
		}
		// The registry is read at each run: Spring Boot's observation set-up gives it to
		// the
		// registrar in a configurer of its own, which may come after this one.
		Runnable task = new ScheduledMethodRunnable(job, run, null, registrar::getObservationRegistry);
		registrar.addFixedDelayTask(new FixedDelayTask(task, interval, waitFirst ? interval : Duration.ZERO));
	}

}
