package dev.gofer.objectstore.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query string that is not validly percent-encoded is a 400 problem on every path:
 * endpoints that read query parameters (where Tomcat's decoding failed inside the handler
 * with a 500), endpoints that read none (which ignored it), the actuator and unknown
 * routes alike, with or without a token. Sent raw, since no HTTP client sends such a
 * query.
 */
class MalformedQueryIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static Stream<Arguments> malformed() {
		String objects = "/api/namespaces/q/pipelines/p/objects";
		return Stream.of(Arguments.of("GET", objects + "?prefix=%ZZ"), Arguments.of("GET", objects + "?prefix=%"),
				Arguments.of("GET", objects + "?prefix=a%2"), Arguments.of("GET", objects + "?limit=%E0%A4"),
				Arguments.of("GET", objects + "?%ZZ=1"), Arguments.of("GET", objects + "?order=newest&prefix=%C3%28"),
				Arguments.of("GET", "/api/namespaces/q/pipelines/p/runs/1/objects?prefix=%G1"),
				Arguments.of("GET", "/api/extensions/e/objects?order=%zz"),
				Arguments.of("POST", objects + "/k?force=%ZZ"), Arguments.of("PUT", objects + "/k?x=%FF"),
				Arguments.of("GET", "/api/namespaces/q/pipelines/p?x=%ZZ"), Arguments.of("GET", "/api/tokens?x=%"),
				Arguments.of("GET", "/actuator/health?x=%ZZ"), Arguments.of("GET", "/no/such/route?x=%ZZ"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("malformed")
	void malformedQueriesAre400Problems(String method, String target) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port, method + " " + target
				+ " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN + "\r\nContent-Length: 1",
				"x".getBytes(StandardCharsets.US_ASCII));
		assertThat(response.status()).as(response.head()).isEqualTo(400);
		assertThat(response.isProblem()).as(response.head()).isTrue();
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).contains("percent-encoded");
		assertThat(problem.get("message").asString()).isEqualTo(problem.get("detail").asString());
		assertThat(response.head()).containsIgnoringCase("X-Request-Id: " + problem.get("request_id").asString());
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("malformed")
	void malformedQueriesAre400EvenWithoutAToken(String method, String target) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port,
				method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1",
				"x".getBytes(StandardCharsets.US_ASCII));
		assertThat(response.status()).as(response.head()).isEqualTo(400);
		assertThat(response.isProblem()).as(response.head()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("wellFormed")
	void wellFormedQueriesPass(String query) {
		assertThat(QueryParameters.isWellFormed(query)).isTrue();
	}

	static Stream<String> wellFormed() {
		return Stream.of("", "prefix=a", "prefix=%41%62", "prefix=%C3%A9t%C3%A9", "a+b=c%2Bd&&x", "x=%25",
				"%F0%9F%98%80", "k=v=w");
	}

}
