package dev.gofer.objectstore.protocol.gofer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes the API description where annotations on every endpoint would only repeat
 * each other: the meaning of each path parameter, the problem+json error responses, and
 * the binary bodies, headers and preconditions of object transfers. One place, so the
 * three object scopes cannot drift apart.
 */
@Component
class ApiDocumentation implements OperationCustomizer, OpenApiCustomizer {

	private static final String PROBLEM = "Problem";

	private static final String OBJECT_KEY_RULE = "1 to 255 characters of A-Z, a-z, 0-9, '.', '_' and '-', "
			+ "not starting with '.'";

	private static final String ID_RULE = "1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'";

	private static final Map<String, String> PATH_PARAMETERS = Map.of("id", "A token's id, as listed", "namespace_id",
			"Namespace; `default` is what clients use when none is given. " + ID_RULE, "pipeline_id",
			"Pipeline within the namespace; it comes into being on first write. " + ID_RULE, "run_id",
			"Run number within the pipeline, 1 to 9223372036854775807", "extension_id", "Extension. " + ID_RULE, "key",
			"Object key. " + OBJECT_KEY_RULE);

	private static final String BEARER = "bearer";

	private static final Map<Integer, String> PROBLEMS = Map.ofEntries(
			Map.entry(401, "No valid bearer token: missing, unknown, expired or revoked"),
			Map.entry(403, "The token's scope does not allow this action here"),
			Map.entry(400, "Invalid input: an identifier breaks its rule, or a parameter, header or body is malformed"),
			Map.entry(404, "Not found"), Map.entry(409, "The key exists and the write did not ask to overwrite it"),
			Map.entry(410, "The run's objects have expired: it takes no more writes"),
			Map.entry(412, "An If-Match or If-None-Match precondition failed"),
			Map.entry(413, "The body exceeds the maximum object size or the pipeline's byte limit; nothing was stored"),
			Map.entry(416, "The range lies wholly past the end of the object"),
			Map.entry(503, "The catalog or the engine is unavailable; retry later"));

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (operation.getParameters() != null) {
			operation.getParameters()
				.stream()
				.filter(parameter -> "path".equals(parameter.getIn()))
				.forEach(parameter -> parameter.setDescription(PATH_PARAMETERS.get(parameter.getName())));
			operation.getParameters().forEach(ApiDocumentation::typeParameter);
		}
		ObjectUpload upload = handlerMethod.getMethodAnnotation(ObjectUpload.class);
		if (upload != null) {
			describeUpload(operation, upload.put());
		}
		ObjectDownload download = handlerMethod.getMethodAnnotation(ObjectDownload.class);
		if (download != null) {
			describeDownload(operation, download.head());
		}
		ProblemResponses problems = handlerMethod.getMethodAnnotation(ProblemResponses.class);
		ApiResponses responses = responses(operation);
		if (problems != null) {
			for (int status : problems.value()) {
				responses.addApiResponse(String.valueOf(status), problem(problemDescription(status)));
			}
		}
		for (int status : new int[] { 401, 403, 503 }) {
			responses.addApiResponse(String.valueOf(status), problem(problemDescription(status)));
		}
		return operation;
	}

	@Override
	public void customise(io.swagger.v3.oas.models.OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents()
			.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A token from POST /api/tokens, a run token, or the admin token"));
		openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
		openApi.getComponents()
			.addSchemas(PROBLEM, new ObjectSchema()
				.description("RFC 9457 problem details, with Gofer's error fields beside them (message and "
						+ "request_id), so that clients that decode Gofer's Error can read every error")
				.addProperty("type", new StringSchema().description("A URI that identifies the problem type"))
				.addProperty("title", new StringSchema().description("The HTTP status's reason phrase"))
				.addProperty("status", new IntegerSchema().description("The HTTP status code"))
				.addProperty("detail", new StringSchema().description("What was wrong, for a person to read"))
				.addProperty("instance",
						new StringSchema().description(
								"The request path; absent when the server could not " + "parse the request line"))
				.addProperty("message", new StringSchema().description("The same text as detail"))
				.addProperty("request_id",
						new StringSchema().description("The request's id, as in the X-Request-Id response "
								+ "header: the client's own X-Request-Id when it is 1 to 64 characters of "
								+ "A-Z, a-z, 0-9, '.', '_', ':' and '-', else one the server made"))
				.required(List.of("type", "title", "status", "detail", "message", "request_id")));
	}

	/**
	 * The handlers take these parameters as strings so that a bad value gets the
	 * contract's 400 rather than a conversion error; the description gives their real
	 * types, so that generated clients take a {@code long} run id and an {@code int}
	 * limit.
	 */
	private static void typeParameter(Parameter parameter) {
		switch (parameter.getIn() + " " + parameter.getName()) {
			case "path run_id" -> parameter.setSchema(new IntegerSchema().format("int64").minimum(BigDecimal.ONE));
			case "query limit" -> parameter.setSchema(new IntegerSchema().format("int32").minimum(BigDecimal.ONE));
			case "query order" ->
				parameter.setSchema(new StringSchema()._enum(List.of("oldest", "newest"))._default("oldest"));
			case "query sort" -> parameter.setSchema(new StringSchema()._enum(List.of("id", "bytes"))._default("id"));
			default -> {
			}
		}
	}

	private static void describeUpload(Operation operation, boolean put) {
		operation.setRequestBody(new RequestBody().required(true)
			.description("The object's content: raw bytes, streamed. The request's Content-Type is kept and "
					+ "returned on download (default application/octet-stream).")
			.content(new Content().addMediaType("application/octet-stream", new MediaType().schema(new BinarySchema()))
				.addMediaType("*/*", new MediaType().schema(new BinarySchema()))));
		if (!put) {
			operation.addParametersItem(new Parameter().in("query")
				.name("force")
				.description("Overwrite an existing key instead of answering 409")
				.schema(new BooleanSchema()._default(false)));
		}
		operation.addParametersItem(
				header("If-Match", "Compare-and-swap: write only if the current ETag is one of these (\"<sha256>\"), "
						+ "or * for any existing object; else 412"));
		operation.addParametersItem(
				header("If-None-Match", "Create-only: * writes only if the key does not exist; else 412"));
		// springdoc derives a 200 from the return type; a write answers 201, and a PUT
		// that
		// replaced an object 200.
		ApiResponses responses = responses(operation);
		ApiResponse derived = responses.remove("200");
		Content result = derived == null ? null : derived.getContent();
		responses.addApiResponse("201",
				new ApiResponse()
					.description(put ? "Stored under a new key"
							: "Stored (under a new key, or replacing one with force or If-Match)")
					.content(result));
		if (put) {
			responses.addApiResponse("200",
					new ApiResponse().description("Replaced an existing object").content(result));
		}
	}

	private static void describeDownload(Operation operation, boolean head) {
		operation.addParametersItem(
				header("Range", "A single range, bytes=first-last, bytes=first- or bytes=-suffix; answered with 206"));
		operation.addParametersItem(
				header("If-None-Match", "ETags the client has; 304 when the object still has one of them"));
		Map<String, Header> headers = Map.of("ETag", responseHeader("\"<sha256>\" of the content"), "Last-Modified",
				responseHeader("When the content was written"), "Content-Length", responseHeader("Bytes in the body"),
				"Content-Type", responseHeader("The media type given at upload"));
		Content binary = head ? null : new Content().addMediaType("*/*", new MediaType().schema(new BinarySchema()));
		ApiResponses responses = responses(operation);
		responses.addApiResponse("200",
				new ApiResponse().description(head ? "The headers a GET would send" : "The object's content")
					.headers(headers)
					.content(binary));
		if (!head) {
			responses.addApiResponse("206",
					new ApiResponse().description("The requested range; Content-Range says which")
						.headers(Map.of("Content-Range", responseHeader("bytes first-last/size")))
						.content(binary));
			responses.addApiResponse("304",
					new ApiResponse().description("The client's copy (If-None-Match) is current"));
		}
	}

	private static ApiResponses responses(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		return operation.getResponses();
	}

	private static Parameter header(String name, String description) {
		return new Parameter().in("header")
			.name(name)
			.required(false)
			.description(description)
			.schema(new StringSchema());
	}

	private static Header responseHeader(String description) {
		return new Header().description(description).schema(new StringSchema());
	}

	private static ApiResponse problem(String description) {
		Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(reference)));
	}

	private static String problemDescription(int status) {
		String description = PROBLEMS.get(status);
		if (description == null) {
			throw new IllegalStateException("No description of the problem status " + status);
		}
		return description;
	}

}
