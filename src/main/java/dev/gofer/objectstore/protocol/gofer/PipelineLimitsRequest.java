package dev.gofer.objectstore.protocol.gofer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The body of a pipeline PATCH, for the API description only: the controller reads the
 * JSON itself, because a field that is absent and a field that is null mean different
 * things.
 */
@Schema(name = "PipelineLimits",
		description = "Per-pipeline limits and eviction order. An absent field keeps the current setting; "
				+ "null returns to the default; a value (a limit at least 1) overrides it.")
record PipelineLimitsRequest(
		@Schema(nullable = true, minimum = "1",
				description = "Most pipeline objects kept") @JsonProperty("object_limit") @Nullable Integer objectLimit,
		@Schema(nullable = true, minimum = "1",
				description = "Most bytes of "
						+ "pipeline objects kept") @JsonProperty("byte_limit") @Nullable Long byteLimit,
		@Schema(nullable = true, minimum = "1", description = "For how many runs "
				+ "a run's objects are kept") @JsonProperty("run_object_expiry") @Nullable Integer runObjectExpiry,
		@Schema(nullable = true, allowableValues = {
				"oldest", "lru" },
				description = "Which objects go first when the pipeline is over a limit: the oldest by `created`, "
						+ "or the least recently read or written (`lru`)") @Nullable String eviction){

}
