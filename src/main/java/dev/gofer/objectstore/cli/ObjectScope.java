package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;

/** Where objects live: a pipeline, or one run of it. */
record ObjectScope(String namespace, String pipeline, @Nullable Long runId) {

	String objectsPath() {
		return ApiPaths.objects(this.namespace, this.pipeline, this.runId);
	}

	String objectPath(String key) {
		return objectsPath() + "/" + ApiPaths.encode(key);
	}

	/**
	 * As the user reads it: {@code pipeline default/build} or
	 * {@code run 7 of pipeline default/build}.
	 */
	@Override
	public String toString() {
		String pipeline = "pipeline " + this.namespace + "/" + this.pipeline;
		return (this.runId != null) ? "run " + this.runId + " of " + pipeline : pipeline;
	}

}
