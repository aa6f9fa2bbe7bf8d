package dev.gofer.objectstore.catalog;

/** A pipeline, named by its namespace and its id within it. */
public record PipelineName(String namespaceId, String pipelineId) {

	@Override
	public String toString() {
		return this.namespaceId + "/" + this.pipelineId;
	}

}
