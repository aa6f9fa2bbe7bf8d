package dev.gofer.objectstore.catalog;

/**
 * A namespace and what its pipelines hold, counting only the pipelines the caller sees.
 *
 * @param objectCount pipeline objects (run objects are not counted, as in a pipeline's
 * summary)
 * @param bytes total size of those objects
 */
public record NamespaceUsage(String namespaceId, long pipelineCount, long objectCount, long bytes) {

	/** With one more pipeline that holds these. */
	NamespaceUsage plus(long objects, long bytes) {
		return new NamespaceUsage(this.namespaceId, this.pipelineCount + 1, this.objectCount + objects,
				this.bytes + bytes);
	}

}
