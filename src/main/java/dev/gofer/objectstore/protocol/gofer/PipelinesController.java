package dev.gofer.objectstore.protocol.gofer;

import java.math.BigInteger;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Requires;
import dev.gofer.objectstore.catalog.Eviction;
import dev.gofer.objectstore.catalog.Identifiers;
import dev.gofer.objectstore.catalog.LimitPatch;
import dev.gofer.objectstore.catalog.PipelineCatalog;
import dev.gofer.objectstore.error.InvalidInputException;

/** A pipeline's summary and its own limits. */
@RestController
@RequestMapping("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}")
@Tag(name = "Pipelines", description = "Pipeline limits and usage")
class PipelinesController {

	private static final Set<String> FIELDS = Set.of("object_limit", "byte_limit", "run_object_expiry", "eviction");

	private final PipelineCatalog pipelines;

	PipelinesController(PipelineCatalog pipelines) {
		this.pipelines = pipelines;
	}

	@GetMapping
	@Operation(operationId = "getPipeline", summary = "Get a pipeline's limits and usage",
			description = "404 for a pipeline that has never been written.")
	@ProblemResponses({ 400, 404 })
	@Requires(Action.READ)
	PipelineResponse get(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId) {
		return PipelineResponse.of(this.pipelines.get(Identifiers.pipeline(namespaceId, pipelineId)));
	}

	@PatchMapping(consumes = "application/json")
	@Operation(operationId = "updatePipeline", summary = "Override a pipeline's limits and eviction order",
			description = "Creates the pipeline if needed, so limits can be set before the first write. "
					+ "A lowered limit evicts or expires at once, before the response.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(schema = @Schema(implementation = PipelineLimitsRequest.class))))
	@ProblemResponses({ 400 })
	@Requires(Action.WRITE)
	PipelineResponse update(@PathVariable("namespace_id") String namespaceId,
			@PathVariable("pipeline_id") String pipelineId, @RequestBody JsonNode body) {
		return PipelineResponse.of(this.pipelines.update(Identifiers.pipeline(namespaceId, pipelineId), patch(body)));
	}

	private static LimitPatch patch(JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidInputException("The body must be a JSON object with any of " + FIELDS);
		}
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (!FIELDS.contains(field.getKey())) {
				throw new InvalidInputException("Unknown field '" + field.getKey() + "'; the fields are " + FIELDS);
			}
		}
		LimitPatch.Field<Long> objectLimit = field(body, "object_limit", Integer.MAX_VALUE);
		LimitPatch.Field<Long> byteLimit = field(body, "byte_limit", Long.MAX_VALUE);
		LimitPatch.Field<Long> runObjectExpiry = field(body, "run_object_expiry", Integer.MAX_VALUE);
		return new LimitPatch(toInt(objectLimit), byteLimit, toInt(runObjectExpiry), eviction(body));
	}

	private static LimitPatch.Field<Eviction> eviction(JsonNode body) {
		JsonNode value = body.get("eviction");
		if (value == null) {
			return LimitPatch.Field.keep();
		}
		if (value.isNull()) {
			return LimitPatch.Field.set(null);
		}
		if (!value.isString()) {
			throw new InvalidInputException("eviction must be 'oldest' or 'lru', or null for the default");
		}
		return LimitPatch.Field.set(Eviction.parse(value.stringValue()));
	}

	private static LimitPatch.Field<Long> field(JsonNode body, String name, long max) {
		JsonNode value = body.get(name);
		if (value == null) {
			return LimitPatch.Field.keep();
		}
		if (value.isNull()) {
			return LimitPatch.Field.set(null);
		}
		if (!value.isIntegralNumber() || value.bigIntegerValue().signum() <= 0
				|| value.bigIntegerValue().compareTo(BigInteger.valueOf(max)) > 0) {
			throw new InvalidInputException(name + " must be a whole number from 1 to " + max + ", or null");
		}
		return LimitPatch.Field.set(value.longValue());
	}

	private static LimitPatch.Field<Integer> toInt(LimitPatch.Field<Long> field) {
		Long value = field.value();
		return new LimitPatch.Field<>(field.given(), value == null ? null : value.intValue());
	}

}
