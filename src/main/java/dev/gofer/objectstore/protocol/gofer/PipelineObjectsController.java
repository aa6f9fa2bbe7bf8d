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

/** Pipeline objects: kept until deleted, at most the pipeline's object limit of them. */
@RestController
@RequestMapping("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/objects")
@Tag(name = "Pipeline objects",
		description = "Objects kept until deleted; a write that creates a key in a full pipeline evicts the oldest")
class PipelineObjectsController {

	private static final String EVICTS = "A new key in a full pipeline evicts the oldest objects; "
			+ "their keys are returned in `evicted`.";

	private final ObjectTransfer transfer;

	PipelineObjectsController(ObjectTransfer transfer) {
		this.transfer = transfer;
	}

	@GetMapping
	@Operation(operationId = "listPipelineObjects", summary = "List a pipeline's objects",
			description = "Oldest first. An unknown pipeline lists no objects.")
	@ProblemResponses(400)
	@Requires(Action.READ)
	ObjectListResponse list(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId,
			@Parameter(description = "Only keys that start with this") @RequestParam(
					required = false) @Nullable String prefix,
			@Parameter(description = "oldest (default) or newest first") @RequestParam(
					required = false) @Nullable String order,
			@Parameter(description = "At most this many objects (at least 1)") @RequestParam(
					required = false) @Nullable String limit) {
		return this.transfer.list(scope(namespaceId, pipelineId), prefix, order, limit);
	}

	@PostMapping("/{key}")
	@Operation(operationId = "createPipelineObject",
			summary = "Store a pipeline object, refusing to overwrite unless forced", description = EVICTS)
	@ObjectUpload(put = false)
	@ProblemResponses({ 400, 409, 412, 413 })
	@Requires(Action.WRITE)
	ResponseEntity<PutObjectResponse> create(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable String key, HttpServletRequest request)
			throws IOException {
		return this.transfer.upload(scope(namespaceId, pipelineId), key, request, false);
	}

	@PutMapping("/{key}")
	@Operation(operationId = "putPipelineObject", summary = "Store a pipeline object, overwriting any earlier value",
			description = EVICTS)
	@ObjectUpload(put = true)
	@ProblemResponses({ 400, 412, 413 })
	@Requires(Action.WRITE)
	ResponseEntity<PutObjectResponse> put(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @PathVariable String key, HttpServletRequest request)
			throws IOException {
		return this.transfer.upload(scope(namespaceId, pipelineId), key, request, true);
	}

	@GetMapping("/{key}")
	@Operation(operationId = "getPipelineObject", summary = "Download a pipeline object's content")
	@ObjectDownload
	@ProblemResponses({ 400, 404, 416 })
	@Requires(Action.READ)
	void get(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String key, HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.transfer.download(scope(namespaceId, pipelineId), key, request, response);
	}

	@RequestMapping(path = "/{key}", method = RequestMethod.HEAD)
	@Operation(operationId = "headPipelineObject", summary = "Read a pipeline object's headers without its content")
	@ObjectDownload(head = true)
	@ProblemResponses({ 400, 404 })
	@Requires(Action.READ)
	void head(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String key, HttpServletResponse response) {
		this.transfer.head(scope(namespaceId, pipelineId), key, response);
	}

	@DeleteMapping("/{key}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deletePipelineObject", summary = "Delete a pipeline object")
	@ProblemResponses({ 400, 404 })
	@Requires(Action.DELETE)
	void delete(@PathVariable("namespace_id") String namespaceId, @PathVariable("pipeline_id") String pipelineId,
			@PathVariable String key) {
		this.transfer.delete(scope(namespaceId, pipelineId), key);
	}

	@DeleteMapping
	@Operation(operationId = "deletePipelineObjectsByPrefix",
			summary = "Delete every pipeline object whose key starts with a prefix",
			description = ObjectTransfer.BULK_DELETE)
	@ProblemResponses(400)
	@Requires(Action.DELETE)
	DeletedObjectsResponse deleteByPrefix(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId,
			@Parameter(description = "Required, not empty: every object whose key starts with this is deleted",
					required = true) @RequestParam(required = false) @Nullable String prefix) {
		return this.transfer.deleteByPrefix(scope(namespaceId, pipelineId), prefix);
	}

	private static Scope scope(String namespaceId, String pipelineId) {
		return new Scope.Pipeline(Identifiers.pipeline(namespaceId, pipelineId));
	}

}
