package dev.gofer.objectstore.protocol.gofer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Caller;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.PipelineCatalog;
import dev.gofer.objectstore.catalog.PipelineOrder;

/**
 * What is stored, for operators: the namespaces, and the pipelines of each. A token sees
 * only the namespaces and pipelines its globs reach.
 */
@RestController
@Tag(name = "Namespaces", description = "Listings of namespaces and their pipelines, with usage")
class NamespacesController {

	private final PipelineCatalog pipelines;

	NamespacesController(PipelineCatalog pipelines) {
		this.pipelines = pipelines;
	}

	@GetMapping("/api/namespaces")
	@Operation(operationId = "listNamespaces", summary = "List the namespaces, with their usage",
			description = "Namespaces by id. A namespace exists once it has a pipeline. With a scoped token, only "
					+ "the namespaces and pipelines its globs reach are listed and counted.")
	@Requires(value = Action.READ, listing = true)
	NamespaceListResponse namespaces(HttpServletRequest request) {
		return NamespaceListResponse.of(this.pipelines.namespaces(Caller.of(request).visibility()));
	}

	@GetMapping("/api/namespaces/{namespace_id}/pipelines")
	@Operation(operationId = "listPipelines", summary = "List a namespace's pipelines, with their limits and usage",
			description = "By id, or largest first with sort=bytes. An unknown namespace lists no pipelines. With a "
					+ "scoped token, only the pipelines its globs reach are listed.")
	@ProblemResponses(400)
	@Requires(Action.READ)
	PipelineListResponse pipelines(@PathVariable("namespace_id") String namespaceId,
			@Parameter(description = "Only pipeline ids that start with this") @RequestParam(
					required = false) @Nullable String prefix,
			@Parameter(description = "id (default: by pipeline id, ascending) or bytes (largest first)") @RequestParam(
					required = false) @Nullable String sort,
			@Parameter(description = "At most this many pipelines (at least 1)") @RequestParam(
					required = false) @Nullable String limit,
			HttpServletRequest request) {
		return PipelineListResponse.of(this.pipelines.list(Identifiers.id("namespace_id", namespaceId), prefix,
				PipelineOrder.parse(sort), ObjectTransfer.parseLimit(limit), Caller.of(request).visibility()));
	}

}
