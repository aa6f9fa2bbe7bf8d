package dev.gofer.objectstore.protocol.gofer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's operator API: namespace and pipeline listings, scoped by tokens, and the
 * delete by prefix of each object scope.
 */
class OperatorApiIntegrationTests extends IntegrationTest {

	private String namespace;

	@BeforeEach
	void namespace() {
		this.namespace = unique("ops");
	}

	@Test
	void namespacesAreListedWithTheirPipelinesObjectsAndBytes() {
		put("build", "a", "12345");
		put("build", "b", "123");
		put("deploy", "c", "1");
		this.api.put(pipeline("deploy") + "/runs/1/objects/not-counted", "run objects have their own lifetime");
		String other = unique("ops");
		this.api.put("/api/namespaces/" + other + "/pipelines/p/objects/k", "v");

		JsonNode namespaces = this.api.get("/api/namespaces").json().get("namespaces");
		JsonNode mine = find(namespaces, "namespace_id", this.namespace);
		assertThat(mine.get("pipeline_count").asLong()).isEqualTo(2);
		assertThat(mine.get("object_count").asLong()).isEqualTo(3);
		assertThat(mine.get("bytes").asLong()).isEqualTo(9);
		List<String> ids = strings(namespaces, "namespace_id");
		assertThat(ids).contains(this.namespace, other).isSorted();
	}

	@Test
	void pipelinesAreListedByIdInByteOrderOrLargestFirst() {
		// Byte order: '-' < digits < upper case < '_' < lower case; a language collation
		// would sort these differently.
		put("p_1", "k", "1");
		put("pa", "k", "12");
		put("p-1", "k", "123456");
		put("pA", "k", "1234");
		put("p1", "k", "12345");
		this.api.patch(pipeline("limits-only"), "{\"object_limit\": 7}");

		Reply byId = this.api.get(pipelines(""));
		assertThat(byId.status()).as(byId.toString()).isEqualTo(200);
		assertThat(strings(byId.json().get("pipelines"), "pipeline_id")).containsExactly("limits-only", "p-1", "p1",
				"pA", "p_1", "pa");
		assertThat(strings(this.api.get(pipelines("?sort=bytes")).json().get("pipelines"), "pipeline_id"))
			.containsExactly("p-1", "p1", "pA", "pa", "p_1", "limits-only");
		assertThat(strings(this.api.get(pipelines("?sort=bytes&limit=2")).json().get("pipelines"), "pipeline_id"))
			.containsExactly("p-1", "p1");
		assertThat(strings(this.api.get(pipelines("?prefix=p_")).json().get("pipelines"), "pipeline_id"))
			.containsExactly("p_1");
		assertThat(strings(this.api.get(pipelines("?prefix=p&sort=id&limit=3")).json().get("pipelines"), "pipeline_id"))
			.containsExactly("p-1", "p1", "pA");
		assertThat(this.api.get(pipelines("?prefix=p%25")).json().get("pipelines")).isEmpty();
		assertThat(this.api.get("/api/namespaces/" + unique("none") + "/pipelines").json().get("pipelines")).isEmpty();
	}

	@Test
	void aListedPipelineHasTheFieldsOfItsSummary() {
		put("summary", "k", "value");
		this.api.patch(pipeline("summary"), "{\"object_limit\": 9, \"byte_limit\": 1000}");
		JsonNode listed = this.api.get(pipelines("")).json().get("pipelines").get(0);
		assertThat(listed).isEqualTo(this.api.get(pipeline("summary")).json().get("pipeline"));
		assertThat(listed.get("object_limit").asInt()).isEqualTo(9);
		assertThat(listed.get("object_count").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "?sort=size", "?sort=", "?sort=ID", "?limit=0", "?limit=-1", "?limit=x" })
	void badListingParametersAreRefused(String query) {
		Reply reply = this.api.get(pipelines(query));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reply.json().get("detail").asString()).containsAnyOf("sort must be", "limit must be");
	}

	@Test
	void aScopedTokenListsOnlyWhatItsGlobsReach() {
		put("app-web", "k", "12");
		put("app-api", "k", "1234");
		put("infra", "k", "123456");
		String otherNamespace = unique("ops");
		this.api.put("/api/namespaces/" + otherNamespace + "/pipelines/app-web/objects/k", "v");
		ApiClient scoped = holder("[\"" + this.namespace + "\"]", "[\"app-*\"]", "[\"read\"]");

		JsonNode namespaces = scoped.get("/api/namespaces").json().get("namespaces");
		assertThat(strings(namespaces, "namespace_id")).containsExactly(this.namespace);
		assertThat(namespaces.get(0).get("pipeline_count").asLong()).as("infra is not counted").isEqualTo(2);
		assertThat(namespaces.get(0).get("bytes").asLong()).isEqualTo(6);
		assertThat(strings(scoped.get(pipelines("?sort=bytes")).json().get("pipelines"), "pipeline_id"))
			.containsExactly("app-api", "app-web");
		assertThat(strings(scoped.get(pipelines("?limit=1")).json().get("pipelines"), "pipeline_id"))
			.containsExactly("app-api");
		assertThat(scoped.get("/api/namespaces/" + otherNamespace + "/pipelines").status()).isEqualTo(403);

		ApiClient everywhere = holder("[\"*\"]", "[\"infra\"]", "[\"read\"]");
		assertThat(find(everywhere.get("/api/namespaces").json().get("namespaces"), "namespace_id", this.namespace)
			.get("pipeline_count")
			.asLong()).isEqualTo(1);
		assertThat(strings(everywhere.get("/api/namespaces").json().get("namespaces"), "namespace_id"))
			.doesNotContain(otherNamespace);

		ApiClient writer = holder("[\"*\"]", "[\"*\"]", "[\"write\"]");
		assertThat(writer.get("/api/namespaces").status()).isEqualTo(403);
		assertThat(writer.get(pipelines("")).status()).isEqualTo(403);
	}

	@Test
	void aTokenDescribesItsOwnGrant() {
		JsonNode admin = this.api.get("/api/tokens/self").json().get("token");
		assertThat(admin.get("admin").asBoolean()).isTrue();
		assertThat(strings(admin.get("actions"))).contains("read", "write", "delete", "mint");

		ApiClient scoped = holder("[\"" + this.namespace + "\"]", "[\"app-*\"]", "[\"write\"]");
		JsonNode grant = scoped.get("/api/tokens/self").json().get("token");
		assertThat(grant.get("admin").asBoolean()).isFalse();
		assertThat(grant.get("id").asString()).hasSize(16);
		assertThat(strings(grant.get("namespaces"))).containsExactly(this.namespace);
		assertThat(strings(grant.get("pipelines"))).containsExactly("app-*");
		assertThat(strings(grant.get("actions"))).containsExactly("write");
		assertThat(grant.has("secret")).isFalse();
		assertThat(grant.get("expires").isNull()).isTrue();

		assertThat(this.api.withToken(null).get("/api/tokens/self").status()).isEqualTo(401);
	}

	@Test
	void deleteByPrefixRemovesTheMatchingKeysAndKeepsTheCountersRight() {
		this.api.patch(pipeline("cache"), "{\"object_limit\": 5}");
		put("cache", "deps-a", "111");
		put("cache", "deps-b", "22");
		put("cache", "deps_c", "4444");
		put("cache", "depsx", "1");
		put("cache", "build", "55555");

		Reply deleted = this.api.delete(pipeline("cache") + "/objects?prefix=deps-");
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.json().get("deleted").asLong()).isEqualTo(2);
		assertThat(keys(this.api.get(pipeline("cache") + "/objects"))).containsExactly("deps_c", "depsx", "build");
		assertThat(this.api.get(pipeline("cache") + "/objects/deps-a").status()).isEqualTo(404);
		JsonNode summary = this.api.get(pipeline("cache")).json().get("pipeline");
		assertThat(summary.get("object_count").asLong()).isEqualTo(3);
		assertThat(summary.get("bytes").asLong()).isEqualTo(10);

		// The freed places count for the limit: two new keys evict nothing.
		assertThat(put("cache", "n1", "x").json().get("evicted")).isEmpty();
		assertThat(put("cache", "n2", "x").json().get("evicted")).isEmpty();
		assertThat(strings(put("cache", "n3", "x").json().get("evicted"))).containsExactly("deps_c");

		assertThat(this.api.delete(pipeline("cache") + "/objects?prefix=nothing-here").json().get("deleted").asLong())
			.isZero();
		assertThat(this.api.delete(pipeline("never-written") + "/objects?prefix=a").json().get("deleted").asLong())
			.isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "run", "extension" })
	void deleteByPrefixWorksInRunAndExtensionScopes(String scope) {
		String objects = scope.equals("run") ? pipeline("p") + "/runs/3/objects"
				: "/api/extensions/" + unique("ext") + "/objects";
		for (String key : List.of("tmp.1", "tmp.2", "keep")) {
			assertThat(this.api.put(objects + "/" + key, key).status()).isEqualTo(201);
		}
		assertThat(this.api.delete(objects + "?prefix=tmp.").json().get("deleted").asLong()).isEqualTo(2);
		assertThat(keys(this.api.get(objects))).containsExactly("keep");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "?prefix=", "?prefix=a%2Fb", "?prefix=%C3%A9" })
	void deleteByPrefixNeedsAValidPrefix(String query) {
		put("guarded", "k", "v");
		Reply refused = this.api.delete(pipeline("guarded") + "/objects" + query);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).contains("prefix");
		assertThat(keys(this.api.get(pipeline("guarded") + "/objects"))).containsExactly("k");
	}

	@Test
	void deleteByPrefixNeedsTheDeleteAction() {
		put("guarded", "k", "v");
		ApiClient readWrite = holder("[\"*\"]", "[\"*\"]", "[\"read\",\"write\"]");
		assertThat(readWrite.delete(pipeline("guarded") + "/objects?prefix=k").status()).isEqualTo(403);
		assertThat(keys(this.api.get(pipeline("guarded") + "/objects"))).containsExactly("k");
	}

	@Test
	void deleteByPrefixRemovesMoreThanOneBatchWhileWritesGoOn() throws Exception {
		int count = 1_234;
		this.api.patch(pipeline("big"), "{\"object_limit\": 2000}");
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<Reply>> puts = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String key = "gen-%04d".formatted(i);
				puts.add(pool.submit(() -> put("big", key, "v")));
			}
			for (Future<Reply> put : puts) {
				assertThat(put.get().status()).isEqualTo(201);
			}
			// A writer of other keys goes on during the delete, and its writes count.
			Future<List<Integer>> writer = pool
				.submit(() -> IntStream.range(0, 20).mapToObj(i -> put("big", "other-" + i, "12").status()).toList());
			Reply deleted = this.api.delete(pipeline("big") + "/objects?prefix=gen-");
			assertThat(deleted.json().get("deleted").asLong()).isEqualTo(count);
			assertThat(writer.get()).containsOnly(201);
		}
		assertThat(keys(this.api.get(pipeline("big") + "/objects?prefix=gen-"))).isEmpty();
		JsonNode summary = this.api.get(pipeline("big")).json().get("pipeline");
		assertThat(summary.get("object_count").asLong()).isEqualTo(20);
		assertThat(summary.get("bytes").asLong()).isEqualTo(40);
	}

	private Reply put(String pipeline, String key, String value) {
		Reply reply = this.api.put(pipeline(pipeline) + "/objects/" + key, value);
		assertThat(reply.status()).as(reply.toString()).isIn(200, 201);
		return reply;
	}

	private String pipeline(String pipeline) {
		return "/api/namespaces/" + this.namespace + "/pipelines/" + pipeline;
	}

	private String pipelines(String query) {
		return "/api/namespaces/" + this.namespace + "/pipelines" + query;
	}

	private ApiClient holder(String namespaces, String pipelines, String actions) {
		Reply created = this.api.post("/api/tokens",
				"{\"namespaces\":" + namespaces + ",\"pipelines\":" + pipelines + ",\"actions\":" + actions + "}",
				"Content-Type", "application/json");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return this.api.withToken(created.json().get("token").get("secret").asString());
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		return StreamSupport.stream(array.spliterator(), false)
			.filter(element -> element.get(field).asString().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + array));
	}

	private static List<String> strings(JsonNode array, String field) {
		return StreamSupport.stream(array.spliterator(), false).map(element -> element.get(field).asString()).toList();
	}

	private static List<String> strings(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

}
