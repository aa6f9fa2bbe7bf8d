package dev.gofer.objectstore.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import dev.gofer.objectstore.error.UnavailableException;

/** Reports whether the engine can serve requests; part of the readiness group. */
public class ObjectStoreHealthIndicator implements HealthIndicator {

	private final ObjectStore store;

	public ObjectStoreHealthIndicator(ObjectStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		try {
			this.store.checkReachable();
			return Health.up().withDetail("engine", this.store.engine().value()).build();
		}
		catch (UnavailableException ex) {
			return Health.down().withDetail("engine", this.store.engine().value()).build();
		}
	}

}
