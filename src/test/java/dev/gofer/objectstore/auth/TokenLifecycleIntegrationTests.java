package dev.gofer.objectstore.auth;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens from creation to revocation, and the 401s on the way. */
class TokenLifecycleIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void requestsWithoutAValidTokenAre401Problems() {
		String path = "/api/namespaces/default/pipelines/" + unique("p") + "/objects";
		for (ApiClient client : new ApiClient[] { this.api.withToken(null), this.api.withToken("nonsense"),
				this.api.withToken("gofer_0011223344556677_forged"), this.api.withToken(ADMIN_TOKEN + "x") }) {
			Reply reply = client.get(path);
			assertUnauthorized(reply);
		}
		Reply basic = this.api.withToken(null).get(path, "Authorization", "Basic dXNlcjpwYXNz");
		assertUnauthorized(basic);
		assertThat(basic.json().get("detail").asString()).contains("Bearer");
		Reply upload = this.api.withToken(null).put(path + "/k", "v");
		assertUnauthorized(upload);
		assertThat(this.api.get(path + "/k").status()).as("nothing stored").isEqualTo(404);
	}

	@Test
	void createdTokenWorksUntilRevoked() {
		String pipeline = "/api/namespaces/default/pipelines/" + unique("p");
		Reply created = this.api.post("/api/tokens", """
				{"namespaces": ["default"], "pipelines": ["*"], "actions": ["read", "write"],
				 "expires_in_seconds": 3600, "description": "build cache"}""", "Content-Type", "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode token = created.json().get("token");
		String secret = token.get("secret").asString();
		String id = token.get("id").asString();
		assertThat(secret).startsWith("gofer_" + id + "_").hasSizeGreaterThan(40);
		assertThat(token.get("actions")).extracting(JsonNode::asString).containsExactly("read", "write");
		assertThat(token.get("expires").asLong() - token.get("created").asLong()).isEqualTo(3_600_000);
		assertThat(token.get("description").asString()).isEqualTo("build cache");

		ApiClient holder = this.api.withToken(secret);
		assertThat(holder.put(pipeline + "/objects/k", "v").status()).isEqualTo(201);
		assertThat(holder.get(pipeline + "/objects/k").text()).isEqualTo("v");
		String cacheEntry = "/cache/bazel/default/app/ac/" + "0".repeat(64);
		assertThat(holder.get(cacheEntry).status()).isEqualTo(404);

		JsonNode listed = this.api.get("/api/tokens").json().get("tokens");
		JsonNode mine = null;
		for (JsonNode each : listed) {
			assertThat(each.has("secret")).as("secrets are shown only once").isFalse();
			if (each.get("id").asString().equals(id)) {
				mine = each;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(this.api.get("/api/tokens").text()).doesNotContain(secret);
		String stored = this.jdbc.sql("SELECT secret_sha256 FROM tokens WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(secret).hasSize(64);

		assertThat(this.api.delete("/api/tokens/" + id).status()).isEqualTo(204);
		// At once, although the token was just checked and is remembered.
		assertUnauthorized(holder.get(pipeline + "/objects/k"));
		assertThat(holder.get(cacheEntry).status()).isEqualTo(401);
		assertThat(this.api.delete("/api/tokens/" + id).status()).isEqualTo(404);
	}

	@Test
	void expiredTokenIs401() {
		String secret = createToken("""
				{"namespaces": ["*"], "pipelines": ["*"], "actions": ["read"], "expires_in_seconds": 60}""");
		String id = Secrets.idOf(secret);
		// Expired in the catalog before its first use: a token that was used is also
		// remembered for gofer.auth.token-cache-ttl, with its expiry, which is checked on
		// every request (tokens never change but by expiring).
		this.jdbc.sql("UPDATE tokens SET expires = created - 1 WHERE id = :id").param("id", id).update();
		Reply expired = this.api.withToken(secret).get("/api/namespaces/default/pipelines/any/objects");
		assertUnauthorized(expired);
		assertThat(expired.json().get("detail").asString()).contains("expired");
	}

	@Test
	void aRememberedTokenExpiresOnTime() {
		String secret = createToken("""
				{"namespaces": ["*"], "pipelines": ["*"], "actions": ["read"], "expires_in_seconds": 1}""");
		ApiClient holder = this.api.withToken(secret);
		long deadline = System.currentTimeMillis() + 10_000;
		int status = holder.get("/api/namespaces/default/pipelines/any/objects").status();
		assertThat(status).isIn(200, 401);
		while (status == 200 && System.currentTimeMillis() < deadline) {
			status = holder.get("/api/namespaces/default/pipelines/any/objects").status();
		}
		assertThat(status).as("refused within the deadline, long before the cache's 10 s").isEqualTo(401);
	}

	@Test
	void tokenWithoutExpiryNeverExpires() {
		Reply created = this.api.post("/api/tokens", """
				{"namespaces": ["*"], "pipelines": ["*"], "actions": ["read"]}""", "Content-Type", "application/json");
		assertThat(created.json().get("token").get("expires").isNull()).isTrue();
	}

	@Test
	void onlyTheAdminManagesTokens() {
		String everything = createToken("""
				{"namespaces": ["*"], "pipelines": ["*"], "actions": ["read", "write", "delete", "mint"]}""");
		ApiClient holder = this.api.withToken(everything);
		assertThat(holder.get("/api/tokens").status()).isEqualTo(403);
		assertThat(holder
			.post("/api/tokens", "{\"namespaces\":[\"*\"],\"pipelines\":[\"*\"],\"actions\":[\"read\"]}",
					"Content-Type", "application/json")
			.status()).isEqualTo(403);
		assertThat(holder.delete("/api/tokens/" + Secrets.idOf(everything)).status()).isEqualTo(403);
	}

	@Test
	void invalidTokenRequestsAre400() {
		for (String body : new String[] { "{\"namespaces\":[],\"pipelines\":[\"*\"],\"actions\":[\"read\"]}",
				"{\"namespaces\":[\"*\"],\"pipelines\":[\"*\"],\"actions\":[]}",
				"{\"namespaces\":[\"*\"],\"pipelines\":[\"*\"],\"actions\":[\"own\"]}",
				"{\"namespaces\":[\"a/b\"],\"pipelines\":[\"*\"],\"actions\":[\"read\"]}",
				"{\"namespaces\":[\"*\"],\"pipelines\":[\"*\"],\"actions\":[\"read\"],\"expires_in_seconds\":0}",
				"{\"pipelines\":[\"*\"],\"actions\":[\"read\"]}", "not json" }) {
			Reply reply = this.api.post("/api/tokens", body, "Content-Type", "application/json");
			assertThat(reply.status()).as(body).isEqualTo(400);
			assertThat(reply.header("Content-Type")).isEqualTo("application/problem+json");
		}
	}

	@Test
	void healthMetricsAndTheApiDescriptionNeedNoToken() {
		ApiClient anonymous = this.api.withToken(null);
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
				"/actuator/prometheus", "/v3/api-docs", "/swagger-ui/index.html" }) {
			assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
		}
	}

	private String createToken(String json) {
		Reply created = this.api.post("/api/tokens", json, "Content-Type", "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("token").get("secret").asString();
	}

	private static void assertUnauthorized(Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
		assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.json().get("detail").asString()).isNotBlank();
		assertThat(reply.json().get("message").asString()).isEqualTo(reply.json().get("detail").asString());
		assertThat(reply.json().get("request_id").asString()).isEqualTo(reply.header("X-Request-Id"));
	}

}
