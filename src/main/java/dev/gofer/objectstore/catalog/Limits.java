package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.gofer.objectstore.store.ObjectStoreProperties;

/**
 * Resolves a pipeline's effective limits: its own overrides, else the defaults of its
 * origin (the object store's for pipelines of Gofer's API, the cache's for those first
 * written by a cache protocol).
 */
@Component
class Limits {

	private final ObjectStoreProperties properties;

	private final CacheDefaults cache;

	Limits(ObjectStoreProperties properties, CacheDefaults cache) {
		this.properties = properties;
		this.cache = cache;
	}

	int objectLimit(PipelineRow row) {
		if (row.objectLimit() != null) {
			return row.objectLimit();
		}
		return row.origin() == PipelineOrigin.CACHE ? this.cache.objectLimit() : this.properties.pipelineObjectLimit();
	}

	@Nullable Long byteLimit(PipelineRow row) {
		return row.byteLimit() != null ? row.byteLimit() : defaultByteLimit(row.origin());
	}

	@Nullable Long defaultByteLimit(PipelineOrigin origin) {
		DataSize limit = origin == PipelineOrigin.CACHE ? this.cache.byteLimit() : this.properties.pipelineByteLimit();
		return limit != null ? limit.toBytes() : null;
	}

	Eviction eviction(PipelineRow row) {
		if (row.eviction() != null) {
			return row.eviction();
		}
		return row.origin() == PipelineOrigin.CACHE ? this.cache.eviction() : Eviction.OLDEST;
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
