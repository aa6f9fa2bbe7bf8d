package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A pipeline with its effective limits (its overrides, else the defaults) and its usage.
 *
 * @param byteLimit null when the pipeline has no byte limit
 * @param objectCount pipeline objects held now
 * @param bytes total size of the pipeline objects held now
 * @param latestRunId the highest run registered, null before the first
 * @param eviction which objects go first when the pipeline is over a limit
 */
public record PipelineSummary(PipelineName name, int objectLimit, @Nullable Long byteLimit, int runObjectExpiry,
		long objectCount, long bytes, @Nullable Long latestRunId, Eviction eviction) {

}
