package dev.gofer.objectstore.protocol.gofer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.catalog.PipelineSummary;

/** A pipeline's limits and usage. */
@Schema(name = "PipelineResult")
record PipelineResponse(Pipeline pipeline) {

	static PipelineResponse of(PipelineSummary summary) {
		return new PipelineResponse(new Pipeline(summary.name().namespaceId(), summary.name().pipelineId(),
				summary.objectLimit(), summary.byteLimit(), summary.runObjectExpiry(), summary.objectCount(),
				summary.bytes(), summary.latestRunId(), summary.eviction().value()));
	}

	@Schema(name = "Pipeline", description = "A pipeline's effective limits (its own, else the defaults) and usage")
	record Pipeline(@JsonProperty("namespace_id") String namespaceId, @JsonProperty("pipeline_id") String pipelineId,
			@Schema(description = "Most pipeline objects kept; "
					+ "a new key beyond it evicts the oldest") @JsonProperty("object_limit") int objectLimit,
			@Schema(description = "Most bytes of pipeline objects kept; null for none",
					nullable = true) @JsonProperty("byte_limit") @Nullable Long byteLimit,
			@Schema(description = "For how many runs "
					+ "a run's objects are kept") @JsonProperty("run_object_expiry") int runObjectExpiry,
			@Schema(description = "Pipeline objects held "
					+ "(run objects not counted)") @JsonProperty("object_count") long objectCount,
			@Schema(description = "Total size of the pipeline objects held") long bytes,
			@Schema(description = "Highest registered run, null before the first",
					nullable = true) @JsonProperty("latest_run_id") @Nullable Long latestRunId,
			@Schema(description = "Which objects go first when the pipeline is over a limit: `oldest` (by "
					+ "`created`; the default of pipelines of this API) or `lru` (least recently read or written; the "
					+ "default of pipelines a build tool's cache created)",
					allowableValues = {
							"oldest", "lru" }) String eviction){

	}

}
