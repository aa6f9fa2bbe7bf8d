package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.gofer.objectstore.catalog.PipelineSummary;

/** A listing of pipelines, each as its own summary shows it. */
@Schema(name = "PipelineList")
record PipelineListResponse(@Schema(
		description = "Pipelines by id, or largest first with sort=bytes") List<PipelineResponse.Pipeline> pipelines) {

	static PipelineListResponse of(List<PipelineSummary> summaries) {
		return new PipelineListResponse(
				summaries.stream().map(summary -> PipelineResponse.of(summary).pipeline()).toList());
	}

}
