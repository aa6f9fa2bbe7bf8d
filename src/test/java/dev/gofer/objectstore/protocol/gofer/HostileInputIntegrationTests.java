package dev.gofer.objectstore.protocol.gofer;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.gofer.objectstore.support.Combination;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.OnEveryCombination;
import dev.gofer.objectstore.support.RawHttp;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests an attacker or a broken client might send, written raw on a socket. Each must
 * get a problem+json answer (or be ignored harmlessly), leak nothing about the server's
 * insides, and leave the stored data exactly as it was, on every catalog and engine.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Combination.class)
class HostileInputIntegrationTests extends OnEveryCombination {

	private static final String PIPELINE = "/api/namespaces/hostile/pipelines/p";

	private static final String OBJECTS = PIPELINE + "/objects";

	private static final String CANARY = "precious content";

	/** One hostile request: what is sent and the statuses that are acceptable answers. */
	record Hostile(String name, String head, byte[] body, Set<Integer> statuses) {

		static Hostile of(String name, String requestLine, String headers, String body, Integer... statuses) {
			String head = requestLine + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
					+ IntegrationTest.ADMIN_TOKEN + (headers.isEmpty() ? "" : "\r\n" + headers);
			return new Hostile(name, head, body.getBytes(StandardCharsets.ISO_8859_1), Set.of(statuses));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	static Stream<Hostile> requests() {
		String longSegment = "a".repeat(20_000);
		String manyHeaders = String.join("\r\n",
				Stream.iterate(0, i -> i + 1).limit(150).map(i -> "X-H" + i + ": v").toList());
		String deepJson = "[".repeat(20_000) + "]".repeat(20_000);
		String endless = "200000\r\n" + "x".repeat(0x200000) + "\r\n";
		return Stream.of(Hostile.of("raw traversal", "GET " + OBJECTS + "/../../../../etc/passwd", "", "", 404),
				Hostile.of("encoded slash traversal", "GET " + OBJECTS + "/..%2F..%2Fetc%2Fpasswd", "", "", 400),
				Hostile.of("encoded dots", "PUT " + OBJECTS + "/%2e%2e", "Content-Length: 1", "x", 400, 404, 405),
				Hostile.of("encoded dot key", "PUT " + OBJECTS + "/%2e%2ehidden", "Content-Length: 1", "x", 400),
				Hostile.of("double-encoded traversal", "PUT " + OBJECTS + "/%252e%252e%252fetc", "Content-Length: 1",
						"x", 400),
				Hostile.of("double-encoded namespace", "GET /api/namespaces/%252e%252e/pipelines/p/objects", "", "",
						400),
				Hostile.of("backslash traversal", "PUT " + OBJECTS + "/..%5c..%5cwin.ini", "Content-Length: 1", "x",
						400),
				Hostile.of("NUL in key", "PUT " + OBJECTS + "/canary%00.txt", "Content-Length: 1", "x", 400),
				Hostile.of("dot key", "PUT " + OBJECTS + "/.canary", "Content-Length: 1", "x", 400),
				Hostile.of("traversal in pipeline", "PUT /api/namespaces/hostile/pipelines/..%2F..%2Fp/objects/canary",
						"Content-Length: 1", "x", 400),
				Hostile.of("over-long URL", "GET " + OBJECTS + "/" + longSegment, "", "", 400, 414),
				Hostile.of("over-long header", "GET " + OBJECTS + "/canary", "X-Long: " + longSegment, "", 400, 431),
				Hostile.of("too many headers", "GET " + OBJECTS + "/canary", manyHeaders, "", 400),
				Hostile.of("huge declared body", "PUT " + OBJECTS + "/canary", "Content-Length: 99999999999999", "",
						413),
				Hostile.of("negative length", "PUT " + OBJECTS + "/canary", "Content-Length: -1", "", 400),
				Hostile.of("non-numeric length", "PUT " + OBJECTS + "/canary", "Content-Length: abc", "", 400),
				Hostile.of("endless chunked body", "PUT " + OBJECTS + "/canary", "Transfer-Encoding: chunked", endless,
						413),
				Hostile.of("broken chunked body", "PUT " + OBJECTS + "/canary", "Transfer-Encoding: chunked",
						"zz\r\nabc\r\n0\r\n\r\n", 400),
				Hostile.of("truncated chunked body", "PUT " + OBJECTS + "/canary", "Transfer-Encoding: chunked",
						"100\r\nabc", 400),
				Hostile.of("malformed JSON", "PATCH " + PIPELINE, "Content-Type: application/json\r\nContent-Length: 5",
						"{\"obj", 400),
				Hostile.of("deeply nested JSON", "PATCH " + PIPELINE,
						"Content-Type: application/json\r\nContent-Length: " + deepJson.length(), deepJson, 400),
				Hostile.of("enormous number", "PATCH " + PIPELINE,
						"Content-Type: application/json\r\nContent-Length: 25", "{\"object_limit\":1e999999}", 400),
				Hostile.of("JSON array body", "PATCH " + PIPELINE,
						"Content-Type: application/json\r\nContent-Length: 2", "[]", 400),
				Hostile.of("non-JSON media type", "PATCH " + PIPELINE, "Content-Type: text/plain\r\nContent-Length: 2",
						"{}", 415),
				Hostile.of("garbage range", "GET " + OBJECTS + "/canary", "Range: bytes=abc", "", 200),
				Hostile.of("backwards range", "GET " + OBJECTS + "/canary", "Range: bytes=9-1", "", 200),
				Hostile.of("range past any size", "GET " + OBJECTS + "/canary", "Range: bytes=99999999999999999999-",
						"", 416),
				Hostile.of("thousand ranges", "GET " + OBJECTS + "/canary",
						"Range: bytes=" + String.join(",",
								Stream.iterate(0, i -> i + 1).limit(1000).map(i -> i + "-" + i).toList()),
						"", 200),
				Hostile.of("garbage If-Match", "PUT " + OBJECTS + "/canary", "If-Match: <script>\r\nContent-Length: 1",
						"x", 400),
				Hostile.of("garbage content type", "PUT " + OBJECTS + "/canary",
						"Content-Type: ;;;\r\nContent-Length: 1", "x", 400),
				Hostile.of("method override header", "GET " + OBJECTS + "/canary", "X-HTTP-Method-Override: DELETE", "",
						200),
				Hostile.of("unknown method", "BREW " + OBJECTS + "/canary", "", "", 400, 405, 501),
				Hostile.of("overflowing limit", "GET " + OBJECTS + "?limit=99999999999999999999", "", "", 400),
				Hostile.of("bad query encoding", "POST " + OBJECTS + "/canary?force=%ZZ", "Content-Length: 1", "x",
						400),
				Hostile.of("script in key", "PUT " + OBJECTS + "/%3Cscript%3E", "Content-Length: 1", "x", 400));
	}

	@org.junit.jupiter.api.Test
	void hugeDeclaredBodyIsRefusedAndTheConnectionClosedWithoutWaitingForIt() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			// Well below the server's 20 s read timeout: the answer must not wait for a
			// body that never comes.
			socket.setSoTimeout(5_000);
			socket.getOutputStream()
				.write(("PUT " + OBJECTS + "/canary HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ IntegrationTest.ADMIN_TOKEN + "\r\nContent-Length: 99999999999999\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 413").contains("maximum object size");
		}
		assertThat(this.api.get(OBJECTS + "/canary").text()).isEqualTo(CANARY);
	}

	@BeforeEach
	void canary() {
		this.api.put(OBJECTS + "/canary", CANARY);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("requests")
	void hostileRequestsAreRefusedCleanlyAndChangeNothing(Hostile request) throws IOException {
		RawHttp.Response response = RawHttp.exchange(this.port, request.head(), request.body());
		assertThat(response.status()).as(request.name() + "\n" + response.head()).isIn(request.statuses().toArray());
		if (response.status() >= 400) {
			assertThat(response.isProblem()).as(request.name() + "\n" + response.head()).isTrue();
			assertThat(response.body()).contains("\"detail\"", "\"message\"", "\"request_id\"");
		}
		assertThat(response.head() + response.body()).doesNotContain("Exception", "\tat ", "SQL", "sqlite", "/tmp/",
				"gofer.db", "dev.gofer", "Tomcat", "<html");
		assertThat(this.api.get(OBJECTS + "/canary").text()).isEqualTo(CANARY);
		assertThat(keys(this.api.get(OBJECTS))).isEqualTo(List.of("canary"));
		assertThat(this.api.get(PIPELINE).json().get("pipeline").get("object_limit").asInt()).isEqualTo(50);
	}

}
