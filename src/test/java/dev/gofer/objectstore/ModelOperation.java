package dev.gofer.objectstore;

import dev.gofer.objectstore.ObjectStoreModel.Setting;
import dev.gofer.objectstore.ObjectStoreModel.Write;

/** One request of a model-based test sequence against a single pipeline. */
sealed interface ModelOperation {

	/** A pipeline object upload. */
	record WritePipelineObject(String key, String content, Write write) implements ModelOperation {

		@Override
		public String toString() {
			return describe(this.write, "pipeline object " + this.key, this.content);
		}

	}

	record DeletePipelineObject(String key) implements ModelOperation {

		@Override
		public String toString() {
			return "DELETE pipeline object " + this.key;
		}

	}

	/** {@code POST …/runs}. */
	record RegisterNextRun() implements ModelOperation {

		@Override
		public String toString() {
			return "POST runs (next)";
		}

	}

	/** {@code PUT …/runs/{run_id}}. */
	record RegisterRun(long runId) implements ModelOperation {

		@Override
		public String toString() {
			return "PUT runs/" + this.runId;
		}

	}

	/** A run object upload, which registers an unknown run. */
	record WriteRunObject(long runId, String key, String content, Write write) implements ModelOperation {

		@Override
		public String toString() {
			return describe(this.write, "run " + this.runId + " object " + this.key, this.content);
		}

	}

	record DeleteRunObject(long runId, String key) implements ModelOperation {

		@Override
		public String toString() {
			return "DELETE run " + this.runId + " object " + this.key;
		}

	}

	/** {@code PATCH} of the pipeline's limits. */
	record PatchLimits(Setting objectLimit, Setting byteLimit, Setting runObjectExpiry) implements ModelOperation {

		/**
		 * The request body: only the given fields, null where a limit returns to the
		 * default.
		 */
		String json() {
			StringBuilder json = new StringBuilder();
			field(json, "object_limit", this.objectLimit);
			field(json, "byte_limit", this.byteLimit);
			field(json, "run_object_expiry", this.runObjectExpiry);
			return "{" + json + "}";
		}

		@Override
		public String toString() {
			return "PATCH " + json();
		}

		private static void field(StringBuilder json, String name, Setting setting) {
			if (setting.given()) {
				json.append(json.isEmpty() ? "" : ",").append('"').append(name).append("\":").append(setting.value());
			}
		}

	}

	private static String describe(Write write, String target, String content) {
		StringBuilder text = new StringBuilder(write.verb().name().replace("_FORCE", "?force=true"));
		text.append(' ').append(target).append(" = \"").append(content).append('"');
		if (write.ifMatch() != null) {
			text.append(" If-Match: \"").append(write.ifMatch(), 0, 12).append("…\"");
		}
		if (write.ifNoneMatchAny()) {
			text.append(" If-None-Match: *");
		}
		return text.toString();
	}

}
