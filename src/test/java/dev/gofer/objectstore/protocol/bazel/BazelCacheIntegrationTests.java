package dev.gofer.objectstore.protocol.bazel;

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

import static dev.gofer.objectstore.support.Digests.sha256;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bazel's HTTP remote cache protocol as Bazel's client and bazel-remote use it: 200 with
 * the bytes on a hit, 404 with an empty body on a miss, 200 on a stored PUT, 400 for a
 * name that is not a digest or a CAS body that does not hash to its name, and the
 * service's auth, limits and metrics.
 */
class BazelCacheIntegrationTests extends IntegrationTest {

	private String namespace;

	private String base;

	private ApiClient anonymous;

	@BeforeEach
	void pipeline() {
		this.namespace = unique("bazel");
		this.base = "/cache/bazel/" + this.namespace + "/build";
		this.anonymous = this.api.withToken(null);
	}

	@Test
	void aCasEntryIsStoredUnderItsDigestAndServedBack() {
		byte[] content = "compiled output\n".getBytes(StandardCharsets.UTF_8);
		String digest = sha256(content);
		Reply put = this.api.put(this.base + "/cas/" + digest, content);
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.bytes()).isEmpty();

		Reply get = this.api.get(this.base + "/cas/" + digest);
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.bytes()).isEqualTo(content);
		assertThat(get.header("Content-Type")).isEqualTo("application/octet-stream");
		assertThat(get.header("ETag")).isEqualTo("\"" + digest + "\"");
		Reply head = this.api.head(this.base + "/cas/" + digest);
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Content-Length")).isEqualTo(Integer.toString(content.length));

		JsonNode objects = this.api.get("/api/namespaces/" + this.namespace + "/pipelines/build/objects")
			.json()
			.get("objects");
		assertThat(objects).hasSize(1);
		assertThat(objects.get(0).get("key").asString()).isEqualTo("cas." + digest);
		assertThat(objects.get(0).get("sha256").asString()).isEqualTo(digest);
		assertThat(objects.get(0).get("size").asLong()).isEqualTo(content.length);
	}

	@Test
	void aLargeCasEntryStreamsThroughTheEngine() {
		byte[] content = GeneratedContent.bytesAt(7, 0, 900 * 1024);
		String digest = sha256(content);
		assertThat(this.api.put(this.base + "/cas/" + digest, content).status()).isEqualTo(200);
		assertThat(this.api.get(this.base + "/cas/" + digest).bytes()).isEqualTo(content);
	}

	@Test
	void anActionResultIsStoredAsSentUnderItsActionDigest() {
		String action = sha256("the action".getBytes(StandardCharsets.UTF_8));
		byte[] result = "an ActionResult message".getBytes(StandardCharsets.UTF_8);
		assertThat(this.api.put(this.base + "/ac/" + action, result).status()).isEqualTo(200);
		assertThat(this.api.get(this.base + "/ac/" + action).bytes()).isEqualTo(result);
		assertThat(this.api.get("/api/namespaces/" + this.namespace + "/pipelines/build/objects/ac." + action).bytes())
			.isEqualTo(result);
	}

	@Test
	void aMissIs404WithAnEmptyBody() {
		String digest = sha256("never stored".getBytes(StandardCharsets.UTF_8));
		for (String kind : new String[] { "ac", "cas" }) {
			Reply get = this.api.get(this.base + "/" + kind + "/" + digest);
			assertThat(get.status()).isEqualTo(404);
			assertThat(get.bytes()).isEmpty();
			assertThat(this.api.head(this.base + "/" + kind + "/" + digest).status()).isEqualTo(404);
		}
	}

	@Test
	void aCasUploadThatDoesNotHashToItsNameIsRefusedAndStoresNothing() {
		String digest = sha256("what the name promises".getBytes(StandardCharsets.UTF_8));
		for (byte[] body : new byte[][] { "something else".getBytes(StandardCharsets.UTF_8),
				GeneratedContent.bytesAt(3, 0, 100 * 1024) }) {
			Reply put = this.api.put(this.base + "/cas/" + digest, body);
			assertThat(put.status()).isEqualTo(400);
			assertThat(put.header("Content-Type")).startsWith("text/plain");
			assertThat(put.text()).contains("SHA-256").contains(digest).doesNotContain("Exception");
			assertThat(this.api.get(this.base + "/cas/" + digest).status()).isEqualTo(404);
		}
		assertThat(this.api.get("/api/namespaces/" + this.namespace + "/pipelines/build/objects").json().get("objects"))
			.isEmpty();
	}

	@Test
	void aNameThatIsNotALowercaseDigestIs400() {
		String upper = sha256(new byte[0]).toUpperCase();
		assertThat(this.api.put(this.base + "/cas/" + upper, new byte[0]).status()).isEqualTo(400);
		assertThat(this.api.get(this.base + "/ac/abc").status()).isEqualTo(400);
	}

	@Test
	void unknownProtocolsAndKindsAre404() {
		String digest = sha256(new byte[0]);
		assertThat(this.api.get("/cache/nosuch/" + this.namespace + "/build/cas/" + digest).status()).isEqualTo(404);
		assertThat(this.api.put(this.base + "/blobs/" + digest, new byte[0]).status()).isEqualTo(404);
		assertThat(this.anonymous.get("/cache/nosuch/x").status()).isEqualTo(404);
	}

	@Test
	void aPipelineFirstWrittenByTheCacheGetsTheCacheDefaults() {
		byte[] content = "x".getBytes(StandardCharsets.UTF_8);
		this.api.put(this.base + "/cas/" + sha256(content), content);
		JsonNode pipeline = this.api.get("/api/namespaces/" + this.namespace + "/pipelines/build")
			.json()
			.get("pipeline");
		assertThat(pipeline.get("object_limit").asInt()).isEqualTo(100_000);
		assertThat(pipeline.get("byte_limit").asLong()).isEqualTo(10L * 1024 * 1024 * 1024);
		assertThat(pipeline.get("eviction").asString()).isEqualTo("lru");

		// One that Gofer's API created keeps Gofer's defaults when a cache writes to it.
		this.api.put("/api/namespaces/" + this.namespace + "/pipelines/values/objects/k", "v");
		this.api.put("/cache/bazel/" + this.namespace + "/values/cas/" + sha256(content), content);
		JsonNode values = this.api.get("/api/namespaces/" + this.namespace + "/pipelines/values")
			.json()
			.get("pipeline");
		assertThat(values.get("object_limit").asInt()).isEqualTo(50);
		assertThat(values.get("eviction").asString()).isEqualTo("oldest");
	}

	@Test
	void theTokenMayComeAsBearerOrAsTheBasicPassword() {
		String token = Tokens.create(this.api, this.namespace, "build", "read", "write");
		byte[] content = "auth".getBytes(StandardCharsets.UTF_8);
		String path = this.base + "/cas/" + sha256(content);
		assertThat(this.anonymous.put(path, content, "Authorization", Tokens.basic("bazel", token)).status())
			.isEqualTo(200);
		assertThat(this.anonymous.get(path, "Authorization", Tokens.basic("", token)).bytes()).isEqualTo(content);
		assertThat(this.anonymous.get(path, "Authorization", "Bearer " + token).bytes()).isEqualTo(content);
	}

	@Test
	void missingOrBadCredentialsAre401WithABasicChallenge() {
		byte[] content = "secret build".getBytes(StandardCharsets.UTF_8);
		String path = this.base + "/cas/" + sha256(content);
		for (String[] headers : new String[][] { {}, { "Authorization", "Bearer gofer_nope_nope" },
				{ "Authorization", Tokens.basic("user", "wrong") }, { "Authorization", "Basic !!!" },
				{ "Authorization", "Digest realm=x" } }) {
			Reply put = this.anonymous.put(path, content, headers);
			assertThat(put.status()).isEqualTo(401);
			assertThat(put.header("WWW-Authenticate")).isEqualTo("Basic realm=\"gofer\"");
			assertThat(put.text()).doesNotContain("gofer_nope").doesNotContain("wrong");
			assertThat(this.anonymous.get(path, headers).status()).isEqualTo(401);
		}
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void aTokenScopedToAnotherPipelineOrWithoutWriteIs403AndStoresNothing() {
		byte[] content = "scoped".getBytes(StandardCharsets.UTF_8);
		String path = this.base + "/cas/" + sha256(content);
		String elsewhere = Tokens.create(this.api, this.namespace, "other-*", "read", "write");
		Reply refused = this.anonymous.put(path, content, "Authorization", Tokens.basic("u", elsewhere));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("WWW-Authenticate")).isNull();
		assertThat(this.anonymous.get(path, "Authorization", Tokens.basic("u", elsewhere)).status()).isEqualTo(403);

		String readOnly = Tokens.create(this.api, this.namespace, "build", "read");
		assertThat(this.anonymous.put(path, content, "Authorization", "Bearer " + readOnly).status()).isEqualTo(403);
		assertThat(this.anonymous.get(path, "Authorization", "Bearer " + readOnly).status()).isEqualTo(404);
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void anAnnouncedBodyOverTheLimitsIs413BeforeItIsRead() throws Exception {
		String digest = sha256(new byte[0]);
		// Over max-object-size (1MB in the tests).
		String answer = CacheRequests.answerWithoutBody(this.port,
				"PUT " + this.base + "/cas/" + digest + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
						+ ADMIN_TOKEN + "\r\nContent-Length: " + 5L * 1024 * 1024 * 1024);
		assertThat(answer).startsWith("HTTP/1.1 413");
		// Over the pipeline's byte limit.
		this.api.patch("/api/namespaces/" + this.namespace + "/pipelines/small", "{\"byte_limit\":65536}");
		answer = CacheRequests.answerWithoutBody(this.port,
				"PUT /cache/bazel/" + this.namespace + "/small/ac/" + digest
						+ " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
						+ "\r\nContent-Length: 100000");
		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(this.api.get(this.base + "/cas/" + digest).status()).isEqualTo(404);
	}

	@Test
	void aCredentialRefusalComesBeforeTheBodyIsRead() throws Exception {
		String answer = CacheRequests.answerWithoutBody(this.port, "PUT " + this.base + "/cas/" + sha256(new byte[0])
				+ " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 500000");
		assertThat(answer).startsWith("HTTP/1.1 401").contains("WWW-Authenticate: Basic realm=\"gofer\"");
	}

	@Test
	void hitsMissesStoresAndRejectionsAreCounted() {
		PrometheusScrape before = PrometheusScrape.of(this.api);
		byte[] content = "metered".getBytes(StandardCharsets.UTF_8);
		String path = this.base + "/cas/" + sha256(content);
		this.api.get(path);
		this.api.put(path, content);
		this.api.get(path);
		this.api.head(path);
		this.api.put(path, "not it".getBytes(StandardCharsets.UTF_8));
		this.anonymous.get(path);
		PrometheusScrape after = PrometheusScrape.of(this.api);
		for (String[] expected : new String[][] { { "miss", "1" }, { "hit", "2" }, { "stored", "1" },
				{ "rejected", "2" } }) {
			assertThat(after.value("gofer_cache_requests_total", "protocol", "bazel", "outcome", expected[0])
					- before.value("gofer_cache_requests_total", "protocol", "bazel", "outcome", expected[0]))
				.as(expected[0])
				.isEqualTo(Double.parseDouble(expected[1]));
		}
		assertThat(after.value("gofer_cache_upload_size_bytes_sum", "protocol", "bazel")
				- before.value("gofer_cache_upload_size_bytes_sum", "protocol", "bazel"))
			.isEqualTo(content.length);
		assertThat(after.value("gofer_cache_download_size_bytes_sum", "protocol", "bazel")
				- before.value("gofer_cache_download_size_bytes_sum", "protocol", "bazel"))
			.isEqualTo(content.length);
	}

}
