package dev.gofer.objectstore.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether the catalog takes writes: records this instance's heartbeat, a one-row write. A
 * catalog that answers reads but refuses writes (a SQLite file locked by another process,
 * a read-only replica) cannot serve uploads, so readiness must say DOWN.
 */
@Component("catalogHealthIndicator")
class CatalogHealthIndicator implements HealthIndicator {

	private final InstanceRegistry instance;

	CatalogHealthIndicator(InstanceRegistry instance) {
		this.instance = instance;
	}

	@Override
	public Health health() {
		try {
			this.instance.heartbeat();
			return Health.up().build();
		}
		catch (DataAccessException ex) {
			return Health.down().build();
		}
	}

}
