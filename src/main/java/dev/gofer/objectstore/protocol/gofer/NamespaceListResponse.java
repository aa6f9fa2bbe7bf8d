package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.gofer.objectstore.catalog.NamespaceUsage;

/** A listing of namespaces. */
@Schema(name = "NamespaceList")
record NamespaceListResponse(@Schema(description = "Namespaces by id") List<Namespace> namespaces) {

	static NamespaceListResponse of(List<NamespaceUsage> namespaces) {
		return new NamespaceListResponse(namespaces.stream()
			.map(usage -> new Namespace(usage.namespaceId(), usage.pipelineCount(), usage.objectCount(), usage.bytes()))
			.toList());
	}

	@Schema(name = "Namespace", description = "A namespace and the usage of its pipelines that the token reaches")
	record Namespace(@JsonProperty("namespace_id") String namespaceId,
			@Schema(description = "Pipelines in the namespace") @JsonProperty("pipeline_count") long pipelineCount,
			@Schema(description = "Pipeline objects held by them "
					+ "(run objects not counted)") @JsonProperty("object_count") long objectCount,
			@Schema(description = "Total size of those pipeline objects") long bytes) {

	}

}
