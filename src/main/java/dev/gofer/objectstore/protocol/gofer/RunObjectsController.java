package dev.gofer.objectstore.protocol.gofer;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.Scope;

/**
 * Run objects: they belong to one run and expire once the pipeline has had enough later
 * runs.
 */
@RestController
@RequestMapping("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs/{run_id}/objects")
@Tag(name = "Run objects", description = "Objects of one run of a pipeline; "
		+ "they expire once the pipeline has registered run_object_expiry later runs")
class RunObjectsController {

	private final ObjectTransfer transfer;

	RunObjectsController(ObjectTransfer transfer) {
		this.transfer = transfer;
	}

	@GetMapping
	@Operation(operationId = "listRunObjects", summary = "List a run's objects",
			description = "Oldest first. A run that is unknown or whose objects expired lists no objects.")
	@ProblemResponses(400)
	@Requires(Action.READ)
	ObjectListResponse list(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId,
			@Parameter(description = "Only keys that start with this") @RequestParam(
					required = false) @Nullable String prefix,
			@Parameter(description = "oldest (default) or newest first") @RequestParam(
					required = false) @Nullable String order,
			@Parameter(description = "At most this many objects (at least 1)") @RequestParam(
					required = false) @Nullable String limit) {
		return this.transfer.list(scope(namespaceId, pipelineId, runId), prefix, order, limit);
	}

	@PostMapping("/{key}")
	@Operation(operationId = "createRunObject", summary = "Store a run object, refusing to overwrite unless forced",
			description = "Writing to an unknown run registers it. A run whose objects expired answers 410.")
	@ObjectUpload(put = false)
	@ProblemResponses({ 400, 409, 410, 412, 413 })
	@Requires(Action.WRITE)
	ResponseEntity<PutObjectResponse> create(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId,
			@PathVariable String key, HttpServletRequest request) throws IOException {
		return this.transfer.upload(scope(namespaceId, pipelineId, runId), key, request, false);
	}

	@PutMapping("/{key}")
	@Operation(operationId = "putRunObject", summary = "Store a run object, overwriting any earlier value",
			description = "Writing to an unknown run registers it. A run whose objects expired answers 410.")
	@ObjectUpload(put = true)
	@ProblemResponses({ 400, 410, 412, 413 })
	@Requires(Action.WRITE)
	ResponseEntity<PutObjectResponse> put(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId,
			@PathVariable String key, HttpServletRequest request) throws IOException {
		return this.transfer.upload(scope(namespaceId, pipelineId, runId), key, request, true);
	}

	@GetMapping("/{key}")
	@Operation(operationId = "getRunObject", summary = "Download a run object's content")
	@ObjectDownload
	@ProblemResponses({ 400, 404, 416 })
	@Requires(Action.READ)
	void get(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable("run_id") String runId, @PathVariable String key, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.transfer.download(scope(namespaceId, pipelineId, runId), key, request, response);
	}

	@RequestMapping(path = "/{key}", method = RequestMethod.HEAD)
	@Operation(operationId = "headRunObject", summary = "Read a run object's headers without its content")
	@ObjectDownload(head = true)
	@ProblemResponses({ 400, 404 })
	@Requires(Action.READ)
	void head(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable("run_id") String runId, @PathVariable String key, HttpServletResponse response) {
		this.transfer.head(scope(namespaceId, pipelineId, runId), key, response);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteRunObject", summary = "Delete a run object")
	@ProblemResponses({ 400, 404 })
	@Requires(Action.DELETE)
	void delete(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable("run_id") String runId, @PathVariable String key) {
		this.transfer.delete(scope(namespaceId, pipelineId, runId), key);
	}

	@DeleteMapping
	@Operation(operationId = "deleteRunObjectsByPrefix",
			summary = "Delete every object of a run whose key starts with a prefix",
			description = ObjectTransfer.BULK_DELETE)
	@ProblemResponses(400)
	@Requires(Action.DELETE)
	DeletedObjectsResponse deleteByPrefix(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable("run_id") String runId,
			@Parameter(description = "Required, not empty: every object whose key starts with this is deleted",
					required = true) @RequestParam(required = false) @Nullable String prefix) {
		return this.transfer.deleteByPrefix(scope(namespaceId, pipelineId, runId), prefix);
	}

	private static Scope scope(String namespaceId, String pipelineId, String runId) {
		return new Scope.Run(Identifiers.pipeline(namespaceId, pipelineId), Identifiers.runId(runId));
	}

}
