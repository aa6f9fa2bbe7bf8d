package dev.gofer.objectstore.protocol.gofer;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.Combination;
import dev.gofer.objectstore.support.OnEveryCombination;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's Lifetimes section: pipeline limits, run expiry, pipelines and
 * extensions, on every catalog and engine.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Combination.class)
class LifetimesIntegrationTests extends OnEveryCombination {

	private String pipeline;

	@BeforeEach
	void pipeline() {
		this.pipeline = "/api/namespaces/" + unique("ns") + "/pipelines/" + unique("p");
	}

	@Test
	void newKeyInAFullPipelineEvictsTheOldest() {
		limits("{\"object_limit\": 3}");
		for (String key : List.of("a", "b", "c")) {
			assertThat(evicted(this.api.put(objects() + "/" + key, key))).isEmpty();
		}
		assertThat(evicted(this.api.put(objects() + "/d", "d"))).containsExactly("a");
		assertThat(keys(this.api.get(objects()))).containsExactly("b", "c", "d");
		assertThat(this.api.get(objects() + "/a").status()).isEqualTo(404);
	}

	@Test
	void overwritingInAFullPipelineEvictsNothing() {
		limits("{\"object_limit\": 2}");
		this.api.put(objects() + "/a", "a");
		this.api.put(objects() + "/b", "b");
		assertThat(evicted(this.api.put(objects() + "/a", "a2"))).isEmpty();
		assertThat(keys(this.api.get(objects()))).containsExactly("b", "a");
		// a is now the newest, so b goes first.
		assertThat(evicted(this.api.put(objects() + "/c", "c"))).containsExactly("b");
	}

	@Test
	void loweringTheObjectLimitEvictsAtOnce() {
		for (String key : List.of("a", "b", "c", "d")) {
			this.api.put(objects() + "/" + key, key);
		}
		JsonNode summary = limits("{\"object_limit\": 2}");
		assertThat(summary.get("object_limit").asInt()).isEqualTo(2);
		assertThat(summary.get("object_count").asLong()).isEqualTo(2);
		assertThat(keys(this.api.get(objects()))).containsExactly("c", "d");
	}

	@Test
	void byteLimitEvictsOldestUntilTheTotalFits() {
		limits("{\"byte_limit\": 10}");
		this.api.put(objects() + "/a", "aaaa");
		this.api.put(objects() + "/b", "bbbb");
		assertThat(evicted(this.api.put(objects() + "/c", "cccccc"))).containsExactly("a");
		assertThat(keys(this.api.get(objects()))).containsExactly("b", "c");
		JsonNode summary = pipelineSummary();
		assertThat(summary.get("bytes").asLong()).isEqualTo(10);
		assertThat(summary.get("byte_limit").asLong()).isEqualTo(10);
		// The object just written is never evicted by its own write, even when it alone
		// fills the limit.
		assertThat(evicted(this.api.put(objects() + "/d", "dddddddddd"))).containsExactly("b", "c");
		assertThat(keys(this.api.get(objects()))).containsExactly("d");
	}

	@Test
	void objectLargerThanTheByteLimitIs413AndKeepsEverything() {
		limits("{\"byte_limit\": 10}");
		this.api.put(objects() + "/a", "aaaa");
		Reply refused = this.api.put(objects() + "/a", "01234567890");
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("detail").asString()).contains("byte limit");
		assertThat(this.api.get(objects() + "/a").text()).isEqualTo("aaaa");
	}

	@Test
	void pipelineSummaryCountsPipelineObjectsOnly() {
		assertThat(this.api.get(this.pipeline).status()).isEqualTo(404);
		this.api.put(objects() + "/a", "12345");
		this.api.put(this.pipeline + "/runs/1/objects/r", "run object");
		JsonNode summary = pipelineSummary();
		assertThat(summary.get("object_count").asLong()).isEqualTo(1);
		assertThat(summary.get("bytes").asLong()).isEqualTo(5);
		assertThat(summary.get("object_limit").asInt()).isEqualTo(50);
		assertThat(summary.get("run_object_expiry").asInt()).isEqualTo(50);
		assertThat(summary.get("byte_limit").isNull()).isTrue();
		assertThat(summary.get("latest_run_id").asLong()).isEqualTo(1);
		assertThat(summary.get("namespace_id").asString()).isNotBlank();
	}

	@Test
	void patchCreatesThePipelineAndNullReturnsToTheDefault() {
		JsonNode created = limits("{\"object_limit\": 5, \"run_object_expiry\": 3, \"byte_limit\": 1000}");
		assertThat(created.get("object_limit").asInt()).isEqualTo(5);
		assertThat(created.get("latest_run_id").isNull()).isTrue();
		JsonNode reset = limits("{\"object_limit\": null, \"byte_limit\": null}");
		assertThat(reset.get("object_limit").asInt()).isEqualTo(50);
		assertThat(reset.get("byte_limit").isNull()).isTrue();
		assertThat(reset.get("run_object_expiry").asInt()).as("absent field keeps its override").isEqualTo(3);
	}

	@Test
	void limitsBelowOneAre400() {
		for (String body : List.of("{\"object_limit\": 0}", "{\"byte_limit\": -5}", "{\"run_object_expiry\": 0}",
				"{\"object_limit\": 1.5}", "{\"object_limit\": \"3\"}")) {
			Reply reply = this.api.patch(this.pipeline, body);
			assertThat(reply.status()).as(body).isEqualTo(400);
		}
		assertThat(this.api.get(this.pipeline).status()).isEqualTo(404);
	}

	@Test
	void runsAreNumberedFromOne() {
		JsonNode first = this.api.post(this.pipeline + "/runs", "").json().get("run");
		assertThat(first.get("run_id").asLong()).isEqualTo(1);
		assertThat(first.get("objects_expired").asBoolean()).isFalse();
		assertThat(first.get("started").asLong()).isPositive();
		Reply second = this.api.post(this.pipeline + "/runs", "");
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.json().get("run").get("run_id").asLong()).isEqualTo(2);
		assertThat(runIds(this.api.get(this.pipeline + "/runs"))).containsExactly(2L, 1L);
	}

	@Test
	void registeringAGivenRunIsIdempotent() {
		assertThat(this.api.put(this.pipeline + "/runs/5", "").status()).isEqualTo(201);
		Reply again = this.api.put(this.pipeline + "/runs/5", "");
		assertThat(again.status()).isEqualTo(200);
		assertThat(this.api.post(this.pipeline + "/runs", "").json().get("run").get("run_id").asLong()).isEqualTo(6);
		assertThat(this.api.get(this.pipeline + "/runs/5").json().get("run").get("run_id").asLong()).isEqualTo(5);
		assertThat(this.api.get(this.pipeline + "/runs/4").status()).isEqualTo(404);
	}

	@Test
	void writingToAnUnknownRunRegistersIt() {
		this.api.put(this.pipeline + "/runs/3/objects/k", "v");
		assertThat(this.api.get(this.pipeline + "/runs/3").status()).isEqualTo(200);
		assertThat(pipelineSummary().get("latest_run_id").asLong()).isEqualTo(3);
	}

	@Test
	void registeringRunNExpiresRunsOutsideTheWindow() {
		limits("{\"run_object_expiry\": 2}");
		for (int run = 1; run <= 6; run++) {
			this.api.put(this.pipeline + "/runs/" + run + "/objects/k", "run " + run);
		}
		this.api.put(this.pipeline + "/runs/7", "");
		// With expiry 2, registering run 7 expires run 5 and older and keeps runs 6 and
		// 7.
		assertThat(this.api.get(this.pipeline + "/runs/5/objects/k").status()).isEqualTo(404);
		assertThat(this.api.get(this.pipeline + "/runs/6/objects/k").text()).isEqualTo("run 6");
		assertThat(keys(this.api.get(this.pipeline + "/runs/5/objects"))).isEmpty();
		JsonNode runs = this.api.get(this.pipeline + "/runs").json().get("runs");
		assertThat(runs.get(0).get("run_id").asLong()).isEqualTo(7);
		assertThat(runs.get(0).get("objects_expired").asBoolean()).isFalse();
		assertThat(runs.get(1).get("objects_expired").asBoolean()).isFalse();
		assertThat(runs.get(2).get("run_id").asLong()).isEqualTo(5);
		assertThat(runs.get(2).get("objects_expired").asBoolean()).isTrue();
	}

	@Test
	void writingToAnExpiredRunIs410() {
		limits("{\"run_object_expiry\": 2}");
		this.api.put(this.pipeline + "/runs/1/objects/k", "v");
		this.api.put(this.pipeline + "/runs/3", "");
		Reply expired = this.api.put(this.pipeline + "/runs/1/objects/k", "again");
		assertThat(expired.status()).isEqualTo(410);
		assertThat(expired.json().get("detail").asString()).contains("expired");
		assertThat(this.api.get(this.pipeline + "/runs/1/objects/k").status()).isEqualTo(404);
	}

	@Test
	void writingToANewRunAlreadyOutsideTheWindowIs410() {
		limits("{\"run_object_expiry\": 2}");
		this.api.put(this.pipeline + "/runs/10", "");
		assertThat(this.api.put(this.pipeline + "/runs/8/objects/k", "v").status()).isEqualTo(410);
		assertThat(this.api.get(this.pipeline + "/runs/8").status()).isEqualTo(404);
		assertThat(this.api.put(this.pipeline + "/runs/9/objects/k", "v").status()).isEqualTo(201);
	}

	@Test
	void loweringTheRunExpiryExpiresAtOnce() {
		for (int run = 1; run <= 4; run++) {
			this.api.put(this.pipeline + "/runs/" + run + "/objects/k", "run " + run);
		}
		limits("{\"run_object_expiry\": 1}");
		assertThat(this.api.get(this.pipeline + "/runs/3/objects/k").status()).isEqualTo(404);
		assertThat(this.api.get(this.pipeline + "/runs/4/objects/k").text()).isEqualTo("run 4");
		assertThat(this.api.get(this.pipeline + "/runs/3").json().get("run").get("objects_expired").asBoolean())
			.isTrue();
	}

	@Test
	void runObjectsDoNotCountTowardsThePipelineLimit() {
		limits("{\"object_limit\": 1}");
		this.api.put(objects() + "/p", "pipeline object");
		this.api.put(this.pipeline + "/runs/1/objects/a", "a");
		this.api.put(this.pipeline + "/runs/1/objects/b", "b");
		assertThat(keys(this.api.get(this.pipeline + "/runs/1/objects"))).containsExactly("a", "b");
		assertThat(keys(this.api.get(objects()))).containsExactly("p");
	}

	@Test
	void extensionObjectsHaveNoCountLimit() {
		String extension = "/api/extensions/" + unique("ext") + "/objects";
		for (int i = 0; i < 60; i++) {
			assertThat(evicted(this.api.put(extension + "/k" + i, "v"))).isEmpty();
		}
		assertThat(keys(this.api.get(extension))).hasSize(60);
	}

	private String objects() {
		return this.pipeline + "/objects";
	}

	private JsonNode limits(String json) {
		Reply reply = this.api.patch(this.pipeline, json);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("pipeline");
	}

	private JsonNode pipelineSummary() {
		Reply reply = this.api.get(this.pipeline);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("pipeline");
	}

	private static List<String> evicted(Reply write) {
		assertThat(write.status()).as(write.toString()).isIn(200, 201);
		return StreamSupport.stream(write.json().get("evicted").spliterator(), false).map(JsonNode::asString).toList();
	}

	private static List<Long> runIds(Reply listing) {
		return StreamSupport.stream(listing.json().get("runs").spliterator(), false)
			.map(run -> run.get("run_id").asLong())
			.toList();
	}

}
