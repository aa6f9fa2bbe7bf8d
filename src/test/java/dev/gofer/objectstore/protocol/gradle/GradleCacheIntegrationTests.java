package dev.gofer.objectstore.protocol.gradle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.CacheRequests;
import dev.gofer.objectstore.support.GeneratedContent;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PrometheusScrape;
import dev.gofer.objectstore.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gradle's HTTP build cache as {@code HttpBuildCache}'s documentation states it: a GET
 * answers 200 with the entry or 404; a PUT any 2xx, or 413 when the entry is too large
 * (with {@code Expect: 100-continue}, before Gradle sends it); credentials by HTTP Basic;
 * anything else would disable the cache for the build, so nothing else is answered to a
 * well-formed request. No redirects are issued.
 */
class GradleCacheIntegrationTests extends IntegrationTest {

	/** What Gradle sends and asks for. */
	private static final String ARTIFACT = "application/vnd.gradle.build-cache-artifact.v2";

	/** A Gradle cache key: a 128-bit hash in hex. */
	private static final String KEY = "8a3e4f0c5b6d7e8f9a0b1c2d3e4f5a6b";

	private String namespace;

	private String base;

	private String token;

	private ApiClient gradle;

	@BeforeEach
	void pipeline() {
		this.namespace = unique("gradle");
		this.base = "/cache/gradle/" + this.namespace + "/main";
		this.token = Tokens.create(this.api, this.namespace, "main", "read", "write");
		this.gradle = this.api.withToken(null);
	}

	@Test
	void aMissIs404AndAStoredEntryIsAHit() {
		Reply miss = get(KEY);
		assertThat(miss.status()).isEqualTo(404);
		assertThat(miss.bytes()).isEmpty();

		byte[] entry = GeneratedContent.bytesAt(11, 0, 40_000);
		Reply stored = put(KEY, entry);
		assertThat(stored.status()).isEqualTo(201);
		assertThat(stored.header("Location")).isNull();

		Reply hit = get(KEY);
		assertThat(hit.status()).isEqualTo(200);
		assertThat(hit.bytes()).isEqualTo(entry);
		assertThat(hit.header("Content-Type")).isEqualTo(ARTIFACT);
		assertThat(hit.header("Content-Length")).isEqualTo("40000");

		Reply head = this.gradle.head(this.base + "/" + KEY, "Authorization", Tokens.basic("ci", this.token));
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo("40000");
	}

	@Test
	void storingAnEntryAgainReplacesItWith2xx() {
		assertThat(put(KEY, "first".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
		assertThat(put(KEY, "second".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(200);
		assertThat(get(KEY).text()).isEqualTo("second");
	}

	@Test
	void entriesAreThePipelinesObjectsUnderGradleKeys() {
		put(KEY, "task output".getBytes(StandardCharsets.UTF_8));
		JsonNode objects = this.api.get("/api/namespaces/" + this.namespace + "/pipelines/main/objects")
			.json()
			.get("objects");
		assertThat(objects).hasSize(1);
		assertThat(objects.get(0).get("key").asString()).isEqualTo("gradle." + KEY);
		assertThat(objects.get(0).get("content_type").asString()).isEqualTo(ARTIFACT);
	}

	@Test
	void credentialsAreBasicWithTheTokenAsPasswordAndAChallengeWithout() {
		Reply anonymous = this.gradle.get(this.base + "/" + KEY);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"gofer\"");
		Reply wrong = this.gradle.get(this.base + "/" + KEY, "Authorization", Tokens.basic("ci", "not-the-token"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(this.gradle.get(this.base + "/" + KEY, "Authorization", Tokens.basic("anyone", this.token)).status())
			.isEqualTo(404);
		String other = Tokens.create(this.api, this.namespace, "release", "read", "write");
		assertThat(this.gradle
			.send("PUT", this.base + "/" + KEY, new byte[] { 1 }, "Authorization", Tokens.basic("ci", other),
					"Content-Type", ARTIFACT)
			.status()).isEqualTo(403);
		assertThat(get(KEY).status()).isEqualTo(404);
	}

	@Test
	void anEntryOverTheLimitIs413BeforeItsBodyIsSent() throws Exception {
		// max-object-size is 1MB in the tests. With Expect: 100-continue, as Gradle's
		// useExpectContinue sends it, the 413 comes instead of the 100 Continue.
		String answer = CacheRequests.answerWithoutBody(this.port,
				"PUT " + this.base + "/" + KEY + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
						+ Tokens.basic("ci", this.token) + "\r\nContent-Type: " + ARTIFACT
						+ "\r\nExpect: 100-continue\r\nContent-Length: 2000000");
		assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
		// And without it, before the body is read.
		answer = CacheRequests.answerWithoutBody(this.port,
				"PUT " + this.base + "/" + KEY + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + this.token
						+ "\r\nContent-Length: 2000000");
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(get(KEY).status()).isEqualTo(404);
	}

	@Test
	void anEntryThatFitsIsAcceptedAfter100Continue() throws Exception {
		byte[] entry = "fits".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT " + this.base + "/" + KEY + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
					+ Tokens.basic("ci", this.token) + "\r\nContent-Type: " + ARTIFACT
					+ "\r\nExpect: 100-continue\r\nContent-Length: " + entry.length + "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			assertThat(readLine(in)).isEqualTo("HTTP/1.1 100 ");
			assertThat(readLine(in)).isEmpty();
			out.write(entry);
			out.flush();
			assertThat(readLine(in)).startsWith("HTTP/1.1 201");
		}
		assertThat(get(KEY).bytes()).isEqualTo(entry);
	}

	@Test
	void anEntryOverThePipelinesByteLimitIs413AndNotAnError() {
		this.api.patch("/api/namespaces/" + this.namespace + "/pipelines/main", "{\"byte_limit\":1000}");
		Reply refused = put(KEY, GeneratedContent.bytesAt(5, 0, 5000));
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).startsWith("text/plain");
		assertThat(get(KEY).status()).isEqualTo(404);
	}

	@Test
	void hitsAndMissesAreCountedForGradle() {
		PrometheusScrape before = PrometheusScrape.of(this.api);
		get(KEY);
		put(KEY, "x".getBytes(StandardCharsets.UTF_8));
		get(KEY);
		PrometheusScrape after = PrometheusScrape.of(this.api);
		for (String outcome : new String[] { "hit", "miss", "stored" }) {
			assertThat(after.value("gofer_cache_requests_total", "protocol", "gradle", "outcome", outcome)
					- before.value("gofer_cache_requests_total", "protocol", "gradle", "outcome", outcome))
				.as(outcome)
				.isEqualTo(1);
		}
	}

	private Reply get(String key) {
		return this.gradle.get(this.base + "/" + key, "Authorization", Tokens.basic("ci", this.token), "Accept",
				ARTIFACT + ", */*");
	}

	private Reply put(String key, byte[] entry) {
		return this.gradle.send("PUT", this.base + "/" + key, entry, "Authorization", Tokens.basic("ci", this.token),
				"Content-Type", ARTIFACT);
	}

	private static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) >= 0 && c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

}
