package dev.gofer.objectstore.retention;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.InstanceRegistry;

/**
 * Keeps this instance's heartbeat fresh, so that its uploads under way are not taken as
 * abandoned.
 */
@Component
class HeartbeatJob {

	private final InstanceRegistry instance;

	private final RetentionProperties properties;

	private final Clock clock;

	HeartbeatJob(InstanceRegistry instance, RetentionProperties properties, Clock clock) {
		this.instance = instance;
		this.properties = properties;
		this.clock = clock;
	}

	/** One scheduled beat ({@link RetentionSchedule}). */
	void run() {
		this.instance.heartbeat();
		// Instances gone for ten leases are forgotten; their uploads were reclaimed long
		// before.
		this.instance.forgetStale(this.clock.millis() - 10 * this.properties.instanceLease().toMillis());
	}

}
