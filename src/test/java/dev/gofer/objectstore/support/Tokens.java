package dev.gofer.objectstore.support;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens that the admin creates for a test, and the headers that carry them. */
public final class Tokens {

	private Tokens() {
	}

	/** Creates a token and returns its secret. */
	public static String create(ApiClient admin, String namespaceGlob, String pipelineGlob, String... actions) {
		String json = "{\"namespaces\":[\"" + namespaceGlob + "\"],\"pipelines\":[\"" + pipelineGlob
				+ "\"],\"actions\":"
				+ List.of(actions).stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]")) + "}";
		ApiClient.Reply created = admin.post("/api/tokens", json, "Content-Type", "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("token").get("secret").asString();
	}

	/**
	 * {@code Authorization} for HTTP Basic with {@code user} and the token as password.
	 */
	public static String basic(String user, String token) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes());
	}

}
