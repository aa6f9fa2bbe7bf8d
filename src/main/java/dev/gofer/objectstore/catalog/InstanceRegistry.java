package dev.gofer.objectstore.catalog;

import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.sqlite.WriteGate;

/**
 * This service instance's identity and heartbeat. Pending uploads carry their instance's
 * id; once its heartbeat goes stale (the process died), the sweep takes them as
 * abandoned.
 */
@Component
public class InstanceRegistry {

	private final String id = UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WriteGate gate;

	InstanceRegistry(JdbcClient jdbc, Clock clock, WriteGate gate) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.gate = gate;
	}

	public String id() {
		return this.id;
	}

	/** Records that this instance is alive. */
	public void heartbeat() {
		this.gate.call(() -> this.jdbc.sql("""
				INSERT INTO instances (id, heartbeat) VALUES (:id, :now)
				ON CONFLICT (id) DO UPDATE SET heartbeat = excluded.heartbeat""")
			.param("id", this.id)
			.param("now", this.clock.millis())
			.update());
	}

	/**
	 * Forgets instances whose heartbeat is older than {@code staleBefore}; returns how
	 * many.
	 */
	public int forgetStale(long staleBefore) {
		return this.gate.call(() -> this.jdbc.sql("DELETE FROM instances WHERE heartbeat < :staleBefore")
			.param("staleBefore", staleBefore)
			.update());
	}

}
