package dev.gofer.objectstore.auth;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint refuses a token whose scope lacks its action or its pipeline, and
 * admits one that has both. The table of endpoints must list every operation the service
 * describes, so an endpoint added without a rule here fails this test; and every
 * {@code /api} handler must carry a {@link Requires} rule.
 */
class ScopeIntegrationTests extends IntegrationTest {

	private enum On {

		/**
		 * A listing of the whole catalog: any token with the action may call it, and it
		 * shows what the token reaches.
		 */
		CATALOG, NAMESPACE, PIPELINE, RUN, EXTENSION, ADMIN,

		/** Every valid token, whatever its scope and actions. */
		ANY

	}

	private record Endpoint(String method, String template, Action action, On on) {

		String path(String namespace) {
			return this.template.replace("{namespace_id}", namespace)
				.replace("{pipeline_id}", "app")
				.replace("{run_id}", "5")
				.replace("{extension_id}", "ext")
				.replace("{key}", "k")
				.replace("{id}", "0000000000000000") + (isBulkDelete() ? "?prefix=k" : "");
		}

		boolean isBulkDelete() {
			return this.method.equals("DELETE") && this.template.endsWith("/objects");
		}

		byte[] body() {
			return switch (this.template) {
				case "/api/tokens" ->
					"{\"namespaces\":[\"*\"],\"pipelines\":[\"*\"],\"actions\":[\"read\"]}".getBytes();
				case "/api/namespaces/{namespace_id}/pipelines/{pipeline_id}" -> "{\"object_limit\":10}".getBytes();
				default -> "value".getBytes();
			};
		}

	}

	private static final String PIPE = "/api/namespaces/{namespace_id}/pipelines/{pipeline_id}";

	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("GET", PIPE + "/objects", Action.READ, On.PIPELINE),
			new Endpoint("POST", PIPE + "/objects/{key}", Action.WRITE, On.PIPELINE),
			new Endpoint("PUT", PIPE + "/objects/{key}", Action.WRITE, On.PIPELINE),
			new Endpoint("GET", PIPE + "/objects/{key}", Action.READ, On.PIPELINE),
			new Endpoint("HEAD", PIPE + "/objects/{key}", Action.READ, On.PIPELINE),
			new Endpoint("DELETE", PIPE + "/objects/{key}", Action.DELETE, On.PIPELINE),
			new Endpoint("GET", PIPE + "/runs/{run_id}/objects", Action.READ, On.RUN),
			new Endpoint("POST", PIPE + "/runs/{run_id}/objects/{key}", Action.WRITE, On.RUN),
			new Endpoint("PUT", PIPE + "/runs/{run_id}/objects/{key}", Action.WRITE, On.RUN),
			new Endpoint("GET", PIPE + "/runs/{run_id}/objects/{key}", Action.READ, On.RUN),
			new Endpoint("HEAD", PIPE + "/runs/{run_id}/objects/{key}", Action.READ, On.RUN),
			new Endpoint("DELETE", PIPE + "/runs/{run_id}/objects/{key}", Action.DELETE, On.RUN),
			new Endpoint("GET", "/api/extensions/{extension_id}/objects", Action.READ, On.EXTENSION),
			new Endpoint("POST", "/api/extensions/{extension_id}/objects/{key}", Action.WRITE, On.EXTENSION),
			new Endpoint("PUT", "/api/extensions/{extension_id}/objects/{key}", Action.WRITE, On.EXTENSION),
			new Endpoint("GET", "/api/extensions/{extension_id}/objects/{key}", Action.READ, On.EXTENSION),
			new Endpoint("HEAD", "/api/extensions/{extension_id}/objects/{key}", Action.READ, On.EXTENSION),
			new Endpoint("DELETE", "/api/extensions/{extension_id}/objects/{key}", Action.DELETE, On.EXTENSION),
			new Endpoint("GET", PIPE + "/runs", Action.READ, On.PIPELINE),
			new Endpoint("POST", PIPE + "/runs", Action.WRITE, On.PIPELINE),
			new Endpoint("GET", PIPE + "/runs/{run_id}", Action.READ, On.RUN),
			new Endpoint("PUT", PIPE + "/runs/{run_id}", Action.WRITE, On.RUN),
			new Endpoint("GET", PIPE, Action.READ, On.PIPELINE), new Endpoint("PATCH", PIPE, Action.WRITE, On.PIPELINE),
			new Endpoint("POST", PIPE + "/runs/{run_id}/tokens", Action.MINT, On.RUN),
			new Endpoint("POST", "/api/tokens", Action.WRITE, On.ADMIN),
			new Endpoint("GET", "/api/tokens", Action.READ, On.ADMIN),
			new Endpoint("DELETE", "/api/tokens/{id}", Action.DELETE, On.ADMIN),
			new Endpoint("GET", "/api/tokens/self", Action.READ, On.ANY),
			new Endpoint("GET", "/api/namespaces", Action.READ, On.CATALOG),
			new Endpoint("GET", "/api/namespaces/{namespace_id}/pipelines", Action.READ, On.NAMESPACE),
			new Endpoint("DELETE", PIPE + "/objects", Action.DELETE, On.PIPELINE),
			new Endpoint("DELETE", PIPE + "/runs/{run_id}/objects", Action.DELETE, On.RUN),
			new Endpoint("DELETE", "/api/extensions/{extension_id}/objects", Action.DELETE, On.EXTENSION));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	private String namespace;

	@BeforeEach
	void namespace() {
		this.namespace = unique("scope");
	}

	@Test
	void theTableCoversEveryDescribedOperation() {
		Set<String> described = new TreeSet<>();
		JsonNode paths = this.api.get("/v3/api-docs").json().get("paths");
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				described.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}
		Set<String> tabled = ENDPOINTS.stream()
			.map(endpoint -> endpoint.method() + " " + endpoint.template())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(tabled).isEqualTo(described);
	}

	@Test
	void everyApiHandlerHasARule() {
		List<String> missing = new ArrayList<>();
		this.handlers.getHandlerMethods().forEach((mapping, method) -> {
			boolean api = mapping.getPatternValues()
				.stream()
				.anyMatch(pattern -> pattern.startsWith("/api/") || pattern.startsWith("/cache/"));
			if (api && method.getMethodAnnotation(Requires.class) == null) {
				missing.add(mapping + " -> " + method.getShortLogMessage());
			}
		});
		assertThat(missing).isEmpty();
		assertThat(this.handlers.getHandlerMethods().values()).extracting(HandlerMethod::getBeanType).isNotEmpty();
	}

	@Test
	void aTokenWithoutTheActionIsRefused() {
		for (Endpoint endpoint : ENDPOINTS) {
			Set<Action> others = EnumSet.allOf(Action.class);
			others.remove(endpoint.action());
			ApiClient holder = holder(List.of("*"), others);
			int expected = endpoint.on() == On.ANY ? 200 : 403;
			assertThat(call(holder, endpoint).status()).as(endpoint.toString()).isEqualTo(expected);
		}
	}

	@Test
	void aTokenForOtherPipelinesIsRefused() {
		this.api.put("/api/namespaces/" + this.namespace + "/pipelines/app/objects/k", "v");
		for (Endpoint endpoint : ENDPOINTS) {
			ApiClient elsewhere = holder(List.of("other-*"), EnumSet.allOf(Action.class));
			Reply reply = call(elsewhere, endpoint);
			if (endpoint.on() == On.CATALOG || endpoint.on() == On.ANY) {
				// Answered, but with nothing of the namespace the token does not reach.
				assertThat(reply.status()).as(endpoint.toString()).isEqualTo(200);
				assertThat(reply.text()).as(endpoint.toString()).doesNotContain(this.namespace);
				continue;
			}
			assertThat(reply.status()).as(endpoint.toString()).isEqualTo(403);
			assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void aTokenWithTheActionInScopeIsAdmitted() {
		for (Endpoint endpoint : ENDPOINTS) {
			ApiClient client = endpoint.on() == On.ADMIN ? this.api : holder(
					List.of(endpoint.on() == On.EXTENSION ? "*" : this.namespace), EnumSet.of(endpoint.action()));
			if (endpoint.on() == On.ANY) {
				client = holder(List.of("other-*"), EnumSet.of(Action.MINT));
			}
			assertThat(call(client, endpoint).status()).as(endpoint.toString()).isNotIn(401, 403);
		}
	}

	@Test
	void extensionsNeedATokenForEveryPipeline() {
		ApiClient narrow = holder(List.of(this.namespace), EnumSet.of(Action.READ, Action.WRITE));
		assertThat(narrow.put("/api/extensions/ext/objects/k", "v").status()).isEqualTo(403);
	}

	@Test
	void runTokensReadThePipelineAndWriteOnlyTheirRun() {
		String pipeline = "/api/namespaces/" + this.namespace + "/pipelines/app";
		this.api.put(pipeline + "/objects/shared", "from the pipeline");
		ApiClient orchestrator = holder(List.of(this.namespace), EnumSet.of(Action.MINT));
		Reply minted = orchestrator.post(pipeline + "/runs/5/tokens", "{\"description\": \"container\"}",
				"Content-Type", "application/json");
		assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
		JsonNode token = minted.json().get("token");
		assertThat(token.get("run_id").asLong()).isEqualTo(5);
		assertThat(token.get("expires").asLong() - token.get("created").asLong()).as("a day by default")
			.isEqualTo(24 * 3600 * 1000L);
		ApiClient container = this.api.withToken(token.get("secret").asString());

		assertThat(container.put(pipeline + "/runs/5/objects/out", "artifact").status()).isEqualTo(201);
		assertThat(container.get(pipeline + "/runs/5/objects/out").text()).isEqualTo("artifact");
		assertThat(container.get(pipeline + "/objects/shared").text()).isEqualTo("from the pipeline");
		assertThat(container.get(pipeline).status()).isEqualTo(200);

		assertThat(container.put(pipeline + "/objects/shared", "overwritten").status()).isEqualTo(403);
		assertThat(container.put(pipeline + "/runs/4/objects/out", "other run").status()).isEqualTo(403);
		assertThat(container.delete(pipeline + "/runs/5/objects/out").status()).isEqualTo(403);
		assertThat(container.post(pipeline + "/runs/5/tokens", "").status()).isEqualTo(403);
		assertThat(container.get("/api/namespaces/" + this.namespace + "/pipelines/other/objects").status())
			.isEqualTo(403);
		assertThat(orchestrator.post("/api/namespaces/elsewhere/pipelines/app/runs/5/tokens", "").status())
			.isEqualTo(403);
		assertThat(this.api.get(pipeline + "/objects/shared").text()).isEqualTo("from the pipeline");
	}

	private ApiClient holder(List<String> namespaces, Set<Action> actions) {
		String json = "{\"namespaces\":" + quoted(namespaces) + ",\"pipelines\":[\"*\"],\"actions\":"
				+ quoted(actions.stream().map(Action::value).toList()) + "}";
		Reply created = this.api.post("/api/tokens", json, "Content-Type", "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return this.api.withToken(created.json().get("token").get("secret").asString());
	}

	private Reply call(ApiClient client, Endpoint endpoint) {
		boolean hasBody = List.of("POST", "PUT", "PATCH").contains(endpoint.method());
		return hasBody
				? client.send(endpoint.method(), endpoint.path(this.namespace), endpoint.body(), "Content-Type",
						endpoint.template().endsWith("{key}") ? "application/octet-stream" : "application/json")
				: client.send(endpoint.method(), endpoint.path(this.namespace), null);
	}

	private static String quoted(List<String> values) {
		return values.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
	}

}
