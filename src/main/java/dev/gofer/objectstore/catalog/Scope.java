package dev.gofer.objectstore.catalog;

/** One set of objects with its own keys: a pipeline's, a run's or an extension's. */
public sealed interface Scope {

	/**
	 * The scope's name in the catalog; identifiers never contain {@code /}, so it is
	 * unique.
	 */
	String catalogKey();

	/** Pipeline objects: kept until deleted, within the pipeline's limits. */
	record Pipeline(PipelineName pipeline) implements Scope {

		@Override
		public String catalogKey() {
			return "p/" + this.pipeline;
		}

		@Override
		public String toString() {
			return "pipeline " + this.pipeline;
		}

	}

	/** Run objects: kept until the run falls out of the pipeline's expiry window. */
	record Run(PipelineName pipeline, long runId) implements Scope {

		@Override
		public String catalogKey() {
			return "r/" + this.pipeline + "/" + this.runId;
		}

		@Override
		public String toString() {
			return "run " + this.runId + " of pipeline " + this.pipeline;
		}

	}

	/** Extension objects: no count limit and no expiry. */
	record Extension(String extensionId) implements Scope {

		@Override
		public String catalogKey() {
			return "e/" + this.extensionId;
		}

		@Override
		public String toString() {
			return "extension " + this.extensionId;
		}

	}

}
