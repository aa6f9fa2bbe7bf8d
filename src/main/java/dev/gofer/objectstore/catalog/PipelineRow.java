package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A pipeline's catalog row. Limit fields and {@code eviction} are the pipeline's own
 * overrides, null where it uses the default of its {@code origin}.
 */
record PipelineRow(long id, PipelineName name, @Nullable Integer objectLimit, @Nullable Long byteLimit,
		@Nullable Integer runObjectExpiry, @Nullable Long latestRunId, long expiredThrough, long objectCount,
		long bytes, @Nullable Eviction eviction, PipelineOrigin origin) {

	PipelineRow withCounts(long objectCount, long bytes) {
		return new PipelineRow(this.id, this.name, this.objectLimit, this.byteLimit, this.runObjectExpiry,
				this.latestRunId, this.expiredThrough, objectCount, bytes, this.eviction, this.origin);
	}

	PipelineRow withRuns(@Nullable Long latestRunId, long expiredThrough) {
		return new PipelineRow(this.id, this.name, this.objectLimit, this.byteLimit, this.runObjectExpiry, latestRunId,
				expiredThrough, this.objectCount, this.bytes, this.eviction, this.origin);
	}

	PipelineRow withLimits(@Nullable Integer objectLimit, @Nullable Long byteLimit, @Nullable Integer runObjectExpiry,
			@Nullable Eviction eviction) {
		return new PipelineRow(this.id, this.name, objectLimit, byteLimit, runObjectExpiry, this.latestRunId,
				this.expiredThrough, this.objectCount, this.bytes, eviction, this.origin);
	}

}
