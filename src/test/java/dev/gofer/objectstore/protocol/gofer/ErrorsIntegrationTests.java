package dev.gofer.objectstore.protocol.gofer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's Errors section and identifier rules: every failure is a useful
 * problem+json.
 */
class ErrorsIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LONG_ID = "a".repeat(65);

	private static final String LONG_KEY = "k".repeat(256);

	static Stream<Arguments> invalidIdentifiers() {
		return Stream.of(Arguments.of("/api/namespaces/bad.ns/pipelines/p/objects", "namespace_id"),
				Arguments.of("/api/namespaces/" + LONG_ID + "/pipelines/p/objects", "namespace_id"),
				Arguments.of("/api/namespaces/n%20s/pipelines/p/objects", "namespace_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p.1/objects", "pipeline_id"),
				Arguments.of("/api/namespaces/ns/pipelines/" + LONG_ID + "/objects/k", "pipeline_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p%C3%A9/objects/k", "pipeline_id"),
				Arguments.of("/api/extensions/ex~t/objects", "extension_id"),
				Arguments.of("/api/extensions/" + LONG_ID + "/objects/k", "extension_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p/objects/.hidden", "key"),
				Arguments.of("/api/namespaces/ns/pipelines/p/objects/" + LONG_KEY, "key"),
				Arguments.of("/api/namespaces/ns/pipelines/p/objects/a%20b", "key"),
				Arguments.of("/api/namespaces/ns/pipelines/p/objects/a:b", "key"),
				Arguments.of("/api/namespaces/ns/pipelines/p/runs/0/objects", "run_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p/runs/-1/objects", "run_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p/runs/abc/objects", "run_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p/runs/9223372036854775808/objects", "run_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p/runs/+5", "run_id"),
				Arguments.of("/api/namespaces/ns/pipelines/p/runs/1e3/objects/k", "run_id"));
	}

	@ParameterizedTest
	@MethodSource("invalidIdentifiers")
	void invalidIdentifiersAre400NamingTheRule(String path, String identifier) {
		for (Reply reply : new Reply[] { this.api.get(path), this.api.put(path, "v") }) {
			if (reply.status() == 405) {
				continue; // PUT on a listing path: no such endpoint, checked elsewhere
			}
			assertProblem(reply, 400);
			assertThat(reply.json().get("detail").asString()).as(path).contains(identifier);
		}
	}

	@Test
	void longestValidIdentifiersAreAccepted() {
		String path = "/api/namespaces/" + "n".repeat(64) + "/pipelines/" + "p".repeat(64) + "/objects/"
				+ "k".repeat(255);
		assertThat(this.api.put(path, "v").status()).isEqualTo(201);
		assertThat(this.api.get("/api/namespaces/ns/pipelines/" + unique("p") + "/runs/9223372036854775807").status())
			.isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/api/nothing", "/api/namespaces/ns", "/", "/api/namespaces/ns/pipelines/p/objects/k/more" })
	void unknownRoutesAre404Problems(String path) {
		assertProblem(this.api.get(path), 404);
	}

	@Test
	void unsupportedMethodIsAProblem() {
		assertProblem(this.api.send("PATCH", "/api/namespaces/ns/pipelines/p/objects/k", new byte[0]), 405);
	}

	@Test
	void malformedJsonIs400() {
		Reply reply = this.api.patch("/api/namespaces/ns/pipelines/" + unique("p"), "{\"object_limit\": ");
		assertProblem(reply, 400);
		assertThat(reply.json().get("detail").asString()).contains("JSON");
	}

	@Test
	void invalidPreconditionHeaderIs400() {
		assertProblem(this.api.put("/api/namespaces/ns/pipelines/p/objects/k", "v", "If-Match", "not-quoted"), 400);
	}

	@Test
	void invalidForceValueIs400() {
		assertProblem(this.api.post("/api/namespaces/ns/pipelines/p/objects/k?force=maybe", "v"), 400);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/api/namespaces/ns/pipelines/p/objects/a%2Fb", "/api/namespaces/ns/pipelines/p/objects/a%00b",
					"/api/namespaces/ns/pipelines/p/objects/a%5Cb", "/api/namespaces/ns/pipelines/%2E%2E/objects/k" })
	void requestsTheServerRejectsItselfAreProblemsToo(String path) throws IOException {
		RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
				+ ADMIN_TOKEN + "\r\nConnection: close\r\n\r\n");
		assertThat(response.status).as(path).isIn(400, 404);
		assertThat(response.head).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response.body).contains("\"detail\"").doesNotContain("Tomcat").doesNotContainIgnoringCase("<html");
		JsonNode problem = JSON.readTree(response.body);
		assertThat(problem.get("message").asString()).isEqualTo(problem.get("detail").asString());
		assertThat(problem.get("request_id").asString()).isNotBlank();
		assertThat(response.head).containsIgnoringCase("X-Request-Id: " + problem.get("request_id").asString());
	}

	@Test
	void requestsTheServerRejectsItselfKeepTheClientsRequestId() throws IOException {
		RawResponse response = raw("GET /api/namespaces/ns/pipelines/p/objects/a%2Fb HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Request-Id: build-42.step-7\r\nConnection: close\r\n\r\n");
		assertThat(response.status).isEqualTo(400);
		assertThat(JSON.readTree(response.body).get("request_id").asString()).isEqualTo("build-42.step-7");
		assertThat(response.head).contains("X-Request-Id: build-42.step-7");
	}

	@Test
	void everyProblemCarriesGofersErrorFields() {
		String path = "/api/namespaces/ns/pipelines/" + unique("p") + "/objects/missing";
		Reply notFound = this.api.get(path, "X-Request-Id", "trace-1");
		assertProblem(notFound, 404);
		assertThat(notFound.json().get("request_id").asString()).isEqualTo("trace-1");
		assertThat(notFound.json().get("instance").asString()).isEqualTo(path);
		Reply unauthenticated = this.api.withToken(null).get(path);
		assertProblem(unauthenticated, 401);
		assertProblem(this.api.get("/api/no-such-route"), 404);
	}

	static void assertProblem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
		JsonNode problem = reply.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		// Gofer's own error fields, for clients that decode its Error schema.
		assertThat(problem.get("message").asString()).isEqualTo(problem.get("detail").asString());
		assertThat(problem.get("request_id").asString()).isEqualTo(reply.header("X-Request-Id")).isNotBlank();
		String text = reply.text();
		assertThat(text).doesNotContain("Exception", "\tat ", "SELECT", "INSERT", "sqlite", "SQLITE", "/tmp/",
				"gofer.db", "dev.gofer", "java.");
	}

	private RawResponse raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = split < 0 ? text : text.substring(0, split);
			String body = split < 0 ? "" : text.substring(split + 4);
			int status = Integer.parseInt(head.substring(9, 12));
			return new RawResponse(status, head, body);
		}
	}

	private record RawResponse(int status, String head, String body) {

	}

}
