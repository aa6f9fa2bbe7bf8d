package dev.gofer.objectstore.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A pipeline's effective limits, eviction order and usage.
 *
 * @param eviction {@code oldest} or {@code lru}; {@code oldest} from a server that
 * predates the setting
 */
record PipelineInfo(String namespaceId, String pipelineId, long objectLimit, @Nullable Long byteLimit,
		long runObjectExpiry, String eviction, long objectCount, long bytes, @Nullable Long latestRunId) {

	static PipelineInfo of(Map<String, @Nullable Object> json) {
		return new PipelineInfo(Json.string(json, "namespace_id"), Json.string(json, "pipeline_id"),
				Json.number(json, "object_limit"), Json.optionalNumber(json, "byte_limit"),
				Json.number(json, "run_object_expiry"),
				json.get("eviction") instanceof String eviction ? eviction : "oldest",
				Json.number(json, "object_count"), Json.number(json, "bytes"),
				Json.optionalNumber(json, "latest_run_id"));
	}

	/** The fields by their API names, values as plain text; absent values are "none". */
	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("namespace_id", this.namespaceId);
		fields.put("pipeline_id", this.pipelineId);
		fields.put("object_limit", Long.toString(this.objectLimit));
		fields.put("byte_limit", (this.byteLimit != null) ? Long.toString(this.byteLimit) : "none");
		fields.put("run_object_expiry", Long.toString(this.runObjectExpiry));
		fields.put("eviction", this.eviction);
		fields.put("object_count", Long.toString(this.objectCount));
		fields.put("bytes", Long.toString(this.bytes));
		fields.put("latest_run_id", (this.latestRunId != null) ? Long.toString(this.latestRunId) : "none");
		return fields;
	}

}
