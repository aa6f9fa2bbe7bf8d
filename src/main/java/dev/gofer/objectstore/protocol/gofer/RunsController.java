package dev.gofer.objectstore.protocol.gofer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.PipelineName;
import dev.gofer.objectstore.catalog.RunCatalog;

/**
 * Runs of a pipeline: registering one expires the objects of runs that fall out of the
 * window.
 */
@RestController
@RequestMapping("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs")
@Tag(name = "Runs",
		description = "Runs of a pipeline. Registering run N expires the objects of runs up to N - run_object_expiry.")
class RunsController {

	private final RunCatalog runs;

	RunsController(RunCatalog runs) {
		this.runs = runs;
	}

	@GetMapping
	@Operation(operationId = "listRuns", summary = "List a pipeline's runs, newest first",
			description = "An unknown pipeline has no runs.")
	@ProblemResponses(400)
	@Requires(Action.READ)
	RunResponse.Many list(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId) {
		return new RunResponse.Many(
				this.runs.list(pipeline(namespaceId, pipelineId)).stream().map(RunResponse.Run::of).toList());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "startRun",
			summary = "Register the next run (the highest so far plus one; the first is 1)")
	@ProblemResponses(400)
	@Requires(Action.WRITE)
	RunResponse.One registerNext(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId) {
		return new RunResponse.One(RunResponse.Run.of(this.runs.registerNext(pipeline(namespaceId, pipelineId))));
	}

	@PutMapping("/{run_id}")
	@Operation(operationId = "registerRun",
			summary = "Register a given run; registering a known run again changes nothing")
	@ApiResponse(responseCode = "201", description = "Registered now",
			content = @Content(schema = @Schema(implementation = RunResponse.One.class)))
	@ApiResponse(responseCode = "200", description = "Already registered",
			content = @Content(schema = @Schema(implementation = RunResponse.One.class)))
	@ProblemResponses({ 400, 410 })
	@Requires(Action.WRITE)
	ResponseEntity<RunResponse.One> register(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId) {
		RunCatalog.Registration registration = this.runs.register(pipeline(namespaceId, pipelineId),
				Identifiers.runId(runId));
		return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new RunResponse.One(RunResponse.Run.of(registration.run())));
	}

	@GetMapping("/{run_id}")
	@Operation(operationId = "getRun", summary = "Get a run")
	@ProblemResponses({ 400, 404 })
	@Requires(Action.READ)
	RunResponse.One get(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId) {
		return new RunResponse.One(
				RunResponse.Run.of(this.runs.get(pipeline(namespaceId, pipelineId), Identifiers.runId(runId))));
	}

	private static PipelineName pipeline(String namespaceId, String pipelineId) {
		return Identifiers.pipeline(namespaceId, pipelineId);
	}

}
