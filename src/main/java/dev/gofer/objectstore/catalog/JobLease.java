package dev.gofer.objectstore.catalog;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.sqlite.WriteGate;

/**
 * Lets one replica of several run a scheduled job per interval: the first to take the
 * job's lease runs it, the others skip until the lease runs out. The lease lives in the
 * catalog, so it works across replicas on PostgreSQL as on SQLite, without locks in any
 * JVM.
 */
@Component
public class JobLease {

	private final JdbcClient jdbc;

	private final InstanceRegistry instance;

	private final Clock clock;

	private final WriteGate gate;

	JobLease(JdbcClient jdbc, InstanceRegistry instance, Clock clock, WriteGate gate) {
		this.jdbc = jdbc;
		this.instance = instance;
		this.clock = clock;
		this.gate = gate;
	}

	/**
	 * Takes the lease of {@code job} for most of one {@code interval}, if nobody holds
	 * it.
	 * @return whether this instance should run the job now
	 */
	public boolean tryAcquire(String job, Duration interval) {
		long now = this.clock.millis();
		// A tenth short of the interval, so that the holder's own next run finds it free
		// again.
		long until = now + interval.toMillis() * 9 / 10;
		return this.gate.call(() -> take(job, now, until));
	}

	private boolean take(String job, long now, long until) {
		this.jdbc.sql("""
				INSERT INTO job_leases (name, locked_until, locked_by) VALUES (:name, 0, '')
				ON CONFLICT (name) DO NOTHING""").param("name", job).update();
		return this.jdbc.sql("""
				UPDATE job_leases SET locked_until = :until, locked_by = :me
				WHERE name = :name AND locked_until <= :now""")
			.param("until", until)
			.param("me", this.instance.id())
			.param("name", job)
			.param("now", now)
			.update() == 1;
	}

}
