package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.gofer.objectstore.store.ObjectStoreProperties;

/**
 * Resolves a pipeline's effective limits: its own overrides, else the configured
 * defaults.
 */
@Component
class Limits {

	private final ObjectStoreProperties properties;

	Limits(ObjectStoreProperties properties) {
		this.properties = properties;
	}

	int objectLimit(PipelineRow row) {
		return row.objectLimit() != null ? row.objectLimit() : this.properties.pipelineObjectLimit();
	}

	@Nullable Long byteLimit(PipelineRow row) {
		return row.byteLimit() != null ? row.byteLimit() : defaultByteLimit();
	}

	@Nullable Long defaultByteLimit() {
		DataSize limit = this.properties.pipelineByteLimit();
		return limit != null ? limit.toBytes() : null;
	}

	int runObjectExpiry(PipelineRow row) {
		return row.runObjectExpiry() != null ? row.runObjectExpiry() : this.properties.runObjectExpiry();
	}

	/** Runs with an id at or below this have expired objects. */
	long expiredThrough(PipelineRow row) {
		long window = row.latestRunId() == null ? 0 : row.latestRunId() - runObjectExpiry(row);
		return Math.max(row.expiredThrough(), window);
	}

	long maxObjectSize() {
		return this.properties.maxObjectSize().toBytes();
	}

}
