package dev.gofer.objectstore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.ModelOperation.DeletePipelineObject;
import dev.gofer.objectstore.ModelOperation.DeleteRunObject;
import dev.gofer.objectstore.ModelOperation.PatchLimits;
import dev.gofer.objectstore.ModelOperation.RegisterNextRun;
import dev.gofer.objectstore.ModelOperation.RegisterRun;
import dev.gofer.objectstore.ModelOperation.WritePipelineObject;
import dev.gofer.objectstore.ModelOperation.WriteRunObject;
import dev.gofer.objectstore.ObjectStoreModel.Entry;
import dev.gofer.objectstore.ObjectStoreModel.Outcome;
import dev.gofer.objectstore.ObjectStoreModel.RunState;
import dev.gofer.objectstore.ObjectStoreModel.Summary;
import dev.gofer.objectstore.ObjectStoreModel.Write;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.Combination;
import dev.gofer.objectstore.support.OnEveryCombination;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs random sequences of writes, deletes, run registrations and limit changes against
 * one pipeline each, and after every request compares what the service reports with
 * {@link ObjectStoreModel}, which follows CONTRACT.md. A failure names its seed; rerun
 * one sequence with {@code -Dgofer.model.seed=<seed> -Dgofer.model.sequences=1}. On
 * SQLite and on PostgreSQL, whose transactions differ most.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(value = Combination.class, names = { "SQLITE_DATABASE", "POSTGRES_DATABASE" })
class ObjectStoreModelIntegrationTests extends OnEveryCombination {

	private static final long FIRST_SEED = Long.getLong("gofer.model.seed", 20250601L);

	private static final int SEQUENCES = Integer.getInteger("gofer.model.sequences", 40);

	/** Every this many operations, read every object's bytes and the run objects too. */
	private static final int FULL_CHECK_EVERY = 5;

	static LongStream seeds() {
		return LongStream.range(0, SEQUENCES).map(i -> FIRST_SEED + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void pipelineBehavesLikeTheModel(long seed) {
		new Sequence(seed).run();
	}

	/** The objects of a listing, without the times, which the model does not predict. */
	record Listed(String key, long size, String sha256) {

		static Listed of(Entry entry) {
			return new Listed(entry.key(), entry.size(), entry.sha256());
		}

		static Listed of(JsonNode object) {
			return new Listed(object.get("key").asString(), object.get("size").asLong(),
					object.get("sha256").asString());
		}

	}

	/** One random sequence against a pipeline of its own. */
	private final class Sequence {

		private final long seed;

		private final SplittableRandom checks;

		private final ApiClient api = ObjectStoreModelIntegrationTests.this.api;

		private final ObjectStoreModel model = new ObjectStoreModel();

		private final ModelOperationGenerator generator;

		private final String pipeline = "/api/namespaces/" + unique("model") + "/pipelines/" + unique("p");

		private final List<String> log = new ArrayList<>();

		private @Nullable Reply last;

		Sequence(long seed) {
			SplittableRandom random = new SplittableRandom(seed);
			this.seed = seed;
			this.checks = random.split();
			this.generator = new ModelOperationGenerator(random, this.model);
		}

		void run() {
			int length = this.checks.nextInt(40, 81);
			get(this.pipeline, 404);
			assertThat(listed(get(this.pipeline + "/objects", 200).json())).as(this::context).isEmpty();
			apply(this.generator.initialLimits());
			for (int step = 1; step <= length; step++) {
				apply(this.generator.next());
				checkPipeline();
				if (step % FULL_CHECK_EVERY == 0 || step == length) {
					checkContent();
					checkRuns();
				}
			}
		}

		private void apply(ModelOperation operation) {
			switch (operation) {
				case WritePipelineObject op ->
					checkWrite(operation, upload(this.pipeline + "/objects/" + op.key(), op.write(), op.content()),
							this.model.writePipelineObject(op.key(), op.content(), op.write()));
				case DeletePipelineObject op ->
					checkStatus(operation, this.api.delete(this.pipeline + "/objects/" + op.key()),
							this.model.deletePipelineObject(op.key()));
				case RegisterNextRun _ -> {
					Reply reply = this.api.post(this.pipeline + "/runs", "");
					long runId = this.model.registerNextRun();
					checkStatus(operation, reply, Outcome.of(201));
					checkRun(reply.json().get("run"), runId);
				}
				case RegisterRun op -> registerRun(op);
				case WriteRunObject op ->
					checkWrite(operation, upload(runPath(op.runId()) + "/" + op.key(), op.write(), op.content()),
							this.model.writeRunObject(op.runId(), op.key(), op.content(), op.write()));
				case DeleteRunObject op -> checkStatus(operation, this.api.delete(runPath(op.runId()) + "/" + op.key()),
						this.model.deleteRunObject(op.runId(), op.key()));
				case PatchLimits op -> {
					Reply reply = this.api.patch(this.pipeline, op.json());
					checkStatus(operation, reply,
							this.model.patch(op.objectLimit(), op.byteLimit(), op.runObjectExpiry()));
					assertThat(summary(reply.json())).as(this::context).isEqualTo(this.model.summary());
				}
			}
		}

		private void registerRun(RegisterRun operation) {
			Reply reply = this.api.put(this.pipeline + "/runs/" + operation.runId(), "");
			Outcome expected = this.model.registerRun(operation.runId());
			checkStatus(operation, reply, expected);
			if (expected.status() < 300) {
				checkRun(reply.json().get("run"), operation.runId());
			}
		}

		private Reply upload(String path, Write write, String content) {
			List<String> headers = new ArrayList<>();
			if (write.ifMatch() != null) {
				headers.addAll(List.of("If-Match", "\"" + write.ifMatch() + "\""));
			}
			if (write.ifNoneMatchAny()) {
				headers.addAll(List.of("If-None-Match", "*"));
			}
			String[] pairs = headers.toArray(String[]::new);
			return switch (write.verb()) {
				case PUT -> this.api.put(path, content, pairs);
				case POST -> this.api.post(path, content, pairs);
				case POST_FORCE -> this.api.post(path + "?force=true", content, pairs);
			};
		}

		private void checkStatus(ModelOperation operation, Reply reply, Outcome expected) {
			this.last = reply;
			this.log.add(this.log.size() + ". " + operation + " -> " + reply.status());
			assertThat(reply.status()).as(this::context).isEqualTo(expected.status());
		}

		/** The status, the object written and the keys evicted, oldest first. */
		private void checkWrite(ModelOperation operation, Reply reply, Outcome expected) {
			checkStatus(operation, reply, expected);
			if (expected.written() != null) {
				JsonNode body = reply.json();
				assertThat(Listed.of(body.get("object"))).as(this::context).isEqualTo(Listed.of(expected.written()));
				assertThat(reply.header("ETag")).as(this::context).isEqualTo("\"" + expected.written().sha256() + "\"");
				List<String> evicted = new ArrayList<>();
				body.get("evicted").forEach(key -> evicted.add(key.asString()));
				assertThat(evicted).as(this::context).isEqualTo(expected.evicted());
			}
		}

		private void checkRun(JsonNode run, long runId) {
			assertThat(new RunState(run.get("run_id").asLong(), run.get("objects_expired").asBoolean()))
				.as(this::context)
				.isEqualTo(new RunState(runId, runId <= this.model.expiredThrough()));
		}

		/**
		 * The listing (keys, sizes, digests, oldest first), the summary and the runs
		 * listing.
		 */
		private void checkPipeline() {
			Reply listing = get(this.pipeline + "/objects", 200);
			assertThat(listed(listing.json())).as(this::context)
				.isEqualTo(this.model.pipelineObjects().stream().map(Listed::of).toList());
			List<Long> created = new ArrayList<>();
			listing.json().get("objects").forEach(object -> created.add(object.get("created").asLong()));
			assertThat(created).as(this::context).isSorted();
			assertThat(summary(get(this.pipeline, 200).json())).as(this::context).isEqualTo(this.model.summary());
			List<RunState> runs = new ArrayList<>();
			get(this.pipeline + "/runs", 200).json()
				.get("runs")
				.forEach(run -> runs
					.add(new RunState(run.get("run_id").asLong(), run.get("objects_expired").asBoolean())));
			assertThat(runs).as(this::context).isEqualTo(this.model.runs());
		}

		/**
		 * Every key of the pool reads as the model's bytes, or 404; filtered listings
		 * agree.
		 */
		private void checkContent() {
			for (String key : ModelOperationGenerator.KEYS) {
				Entry entry = this.model.pipelineObject(key);
				checkRead(this.pipeline + "/objects/" + key, entry);
			}
			List<Listed> expected = this.model.pipelineObjects().stream().map(Listed::of).toList();
			// '_' is a LIKE wildcard: "d_" must not find "deps-x".
			assertThat(listed(get(this.pipeline + "/objects?prefix=d_", 200).json())).as(this::context)
				.isEqualTo(expected.stream().filter(object -> object.key().startsWith("d_")).toList());
			assertThat(listed(get(this.pipeline + "/objects?order=newest&limit=2", 200).json())).as(this::context)
				.isEqualTo(expected.reversed().stream().limit(2).toList());
		}

		/**
		 * A few runs: the latest, a known one and one that may be unknown; their objects
		 * and bytes.
		 */
		private void checkRuns() {
			TreeSet<Long> runIds = new TreeSet<>();
			List<Long> known = this.model.runIds();
			runIds.add(this.model.latestRunId() + 1);
			if (!known.isEmpty()) {
				runIds.add(this.model.latestRunId());
				runIds.add(known.get(this.checks.nextInt(known.size())));
				runIds.add(this.checks.nextLong(1, this.model.latestRunId() + 1));
			}
			for (long runId : runIds) {
				Reply run = get(this.pipeline + "/runs/" + runId, this.model.isRegistered(runId) ? 200 : 404);
				if (run.status() == 200) {
					checkRun(run.json().get("run"), runId);
				}
				assertThat(listed(get(runPath(runId), 200).json())).as(this::context)
					.isEqualTo(this.model.runObjects(runId).stream().map(Listed::of).toList());
				for (String key : ModelOperationGenerator.KEYS) {
					Entry entry = this.model.runObjects(runId)
						.stream()
						.filter(candidate -> candidate.key().equals(key))
						.findFirst()
						.orElse(null);
					checkRead(runPath(runId) + "/" + key, entry);
				}
			}
		}

		private void checkRead(String path, @Nullable Entry entry) {
			Reply read = get(path, entry != null ? 200 : 404);
			if (entry != null) {
				assertThat(read.text()).as(this::context).isEqualTo(entry.content());
				assertThat(read.bytes()).as(this::context).hasSize((int) entry.size());
				assertThat(read.header("ETag")).as(this::context).isEqualTo("\"" + entry.sha256() + "\"");
			}
		}

		private Reply get(String path, int status) {
			this.last = this.api.get(path);
			assertThat(this.last.status()).as(this::context).isEqualTo(status);
			return this.last;
		}

		private String runPath(long runId) {
			return this.pipeline + "/runs/" + runId + "/objects";
		}

		private List<Listed> listed(JsonNode listing) {
			List<Listed> objects = new ArrayList<>();
			listing.get("objects").forEach(object -> objects.add(Listed.of(object)));
			return objects;
		}

		private Summary summary(JsonNode body) {
			JsonNode pipeline = body.get("pipeline");
			JsonNode byteLimit = pipeline.get("byte_limit");
			JsonNode latestRunId = pipeline.get("latest_run_id");
			return new Summary(pipeline.get("object_limit").asLong(), byteLimit.isNull() ? null : byteLimit.asLong(),
					pipeline.get("run_object_expiry").asLong(), pipeline.get("object_count").asLong(),
					pipeline.get("bytes").asLong(), latestRunId.isNull() ? null : latestRunId.asLong());
		}

		/** The seed, how to rerun it, every operation so far and the last response. */
		private String context() {
			return "seed " + this.seed
					+ " (rerun: ./mvnw test -Dtest=ObjectStoreModelIntegrationTests -Dgofer.model.seed=" + this.seed
					+ " -Dgofer.model.sequences=1), pipeline " + this.pipeline + "\noperations:\n  "
					+ String.join("\n  ", this.log) + "\nlast response: " + this.last + "\nmodel: "
					+ this.model.summary() + ", objects "
					+ this.model.pipelineObjects().stream().map(Entry::key).toList() + ", runs " + this.model.runs()
					+ "\n";
		}

	}

}
