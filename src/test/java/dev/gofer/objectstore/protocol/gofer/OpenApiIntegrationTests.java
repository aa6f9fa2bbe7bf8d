package dev.gofer.objectstore.protocol.gofer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The served API description is complete enough for a generated client. */
class OpenApiIntegrationTests extends IntegrationTest {

	private JsonNode spec;

	@BeforeEach
	void load() {
		Reply reply = this.api.get("/v3/api-docs");
		assertThat(reply.status()).isEqualTo(200);
		this.spec = reply.json();
	}

	@Test
	void everyOperationIsNamedDescribedAndDocumentsItsErrors() {
		List<String> operationIds = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.spec.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String where = operation.getKey() + " " + path.getKey();
				JsonNode op = operation.getValue();
				assertThat(op.path("operationId").asString()).as(where).isNotBlank();
				assertThat(op.path("summary").asString()).as(where).isNotBlank();
				assertThat(op.path("responses").has("503")).as(where).isTrue();
				assertThat(op.path("responses").path("503").path("content").has("application/problem+json")).as(where)
					.isTrue();
				op.path("parameters")
					.forEach(parameter -> assertThat(parameter.path("description").asString())
						.as(where + " " + parameter.path("name").asString())
						.isNotBlank());
				operationIds.add(op.get("operationId").asString());
			}
		}
		assertThat(operationIds).doesNotHaveDuplicates()
			.contains("listPipelineObjects", "createPipelineObject", "putPipelineObject", "getPipelineObject",
					"headPipelineObject", "deletePipelineObject", "putRunObject", "getRunObject", "putExtensionObject",
					"getExtensionObject", "startRun", "registerRun", "listRuns", "getRun", "getPipeline",
					"updatePipeline");
	}

	@Test
	void uploadsTakeBinaryBodiesAndDocumentTheirOutcomes() {
		JsonNode create = operation("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/objects/{key}", "post");
		JsonNode body = create.path("requestBody").path("content").path("application/octet-stream").path("schema");
		assertThat(body.path("type").asString()).isEqualTo("string");
		assertThat(body.path("format").asString()).isEqualTo("binary");
		assertThat(create.path("responses").properties()).extracting(Map.Entry::getKey)
			.contains("201", "400", "409", "412", "413")
			.doesNotContain("200");
		assertThat(create.path("responses")
			.path("201")
			.path("content")
			.path("application/json")
			.path("schema")
			.path("$ref")
			.asString()).endsWith("/PutObjectResult");
		assertThat(parameterNames(create)).contains("namespace_id", "pipeline_id", "key", "force", "If-Match",
				"If-None-Match");
		JsonNode put = operation("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs/{run_id}/objects/{key}",
				"put");
		assertThat(put.path("responses").properties()).extracting(Map.Entry::getKey).contains("200", "201", "410");
	}

	@Test
	void downloadsAnswerBinaryContent() {
		JsonNode get = operation("/api/extensions/{extension_id}/objects/{key}", "get");
		JsonNode ok = get.path("responses").path("200");
		assertThat(ok.path("content").path("*/*").path("schema").path("format").asString()).isEqualTo("binary");
		assertThat(ok.path("headers").has("ETag")).isTrue();
		assertThat(get.path("responses").properties()).extracting(Map.Entry::getKey)
			.contains("206", "304", "404", "416");
		assertThat(parameterNames(get)).contains("Range", "If-None-Match");
	}

	@Test
	void schemasDescribeTheContractsFields() {
		JsonNode schemas = this.spec.path("components").path("schemas");
		assertThat(schemas.path("ObjectMetadata").path("properties").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("key", "created", "size", "sha256", "content_type");
		assertThat(schemas.path("Pipeline").path("properties").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("namespace_id", "pipeline_id", "object_limit", "byte_limit", "run_object_expiry",
					"object_count", "bytes", "latest_run_id", "eviction");
		assertThat(schemas.path("Run").path("properties").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("run_id", "started", "objects_expired");
		assertThat(schemas.path("Problem").path("properties").has("detail")).isTrue();
	}

	@Test
	void swaggerUiIsServed() {
		Reply ui = this.api.get("/swagger-ui/index.html");
		assertThat(ui.status()).isEqualTo(200);
		assertThat(ui.text()).contains("Swagger UI");
	}

	private JsonNode operation(String path, String method) {
		JsonNode operation = this.spec.path("paths").path(path).path(method);
		assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
		return operation;
	}

	private static List<String> parameterNames(JsonNode operation) {
		List<String> names = new ArrayList<>();
		operation.path("parameters").forEach(parameter -> names.add(parameter.path("name").asString()));
		return names;
	}

}
