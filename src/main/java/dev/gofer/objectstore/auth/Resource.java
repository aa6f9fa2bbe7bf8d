package dev.gofer.objectstore.auth;

import dev.gofer.objectstore.catalog.PipelineName;

/**
 * What a request acts on, as far as authorization cares: taken from the request's path.
 */
public sealed interface Resource {

	/** A pipeline: its objects, summary, limits and run list. */
	record Pipeline(PipelineName pipeline) implements Resource {

	}

	/**
	 * A namespace: the listing of its pipelines, which shows only those the token
	 * reaches.
	 */
	record Namespace(String namespaceId) implements Resource {

	}

	/**
	 * Everything the catalog holds: the listing of namespaces, which shows only what the
	 * token reaches.
	 */
	record Catalog() implements Resource {

	}

	/** One run of a pipeline: its objects and its registration. */
	record Run(PipelineName pipeline, long runId) implements Resource {

	}

	/** An extension's objects. */
	record Extension(String extensionId) implements Resource {

	}

	/** The service as a whole: token management. */
	record Service() implements Resource {

	}

}
