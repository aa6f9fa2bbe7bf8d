package dev.gofer.objectstore.cli;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A registered run ({@code Run} in the contract). */
record RunInfo(long runId, long started, boolean objectsExpired) {

	static RunInfo of(Map<String, @Nullable Object> json) {
		return new RunInfo(Json.number(json, "run_id"), Json.number(json, "started"),
				Json.bool(json, "objects_expired"));
	}

}
