package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.gofer.objectstore.support.GoferCommandLine;
import dev.gofer.objectstore.support.GoferCommandLine.Result;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code gofer} client as users run it: the launcher script in a process of its own,
 * against the server on a random port. Each test works in a namespace of its own, so that
 * the seed's commands can run verbatim, pipeline names included.
 */
class CliIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path workDir;

	private GoferCommandLine gofer;

	private String namespace;

	@BeforeEach
	void client() {
		this.namespace = unique("cli");
		this.gofer = new GoferCommandLine("http://localhost:" + this.port, this.workDir);
	}

	@Test
	void seedCommandsWorkAsWritten() {
		assertSucceeded(gofer("pipeline", "object", "put", "my-pipeline", "my_key1=my_value5"));
		assertThat(gofer("pipeline", "object", "get", "my-pipeline", "my_key1").out()).isEqualTo("my_value5");
		assertSucceeded(gofer("run", "object", "put", "simple_pipeline", "my_key=my_value"));
		assertThat(gofer("run", "object", "get", "simple_pipeline", "my_key").out()).isEqualTo("my_value");
		// Without runs, the run object went to run 1, which the write registered.
		assertThat(this.api.get(objects("simple_pipeline", 1) + "/my_key").text()).isEqualTo("my_value");
	}

	@Test
	void binaryFileIsStoredAndReadBackByteForByte() throws IOException {
		byte[] content = randomBytes(700 * 1024);
		Path file = Files.write(this.workDir.resolve("content.bin"), content);
		Result put = gofer("pipeline", "object", "put", "artifacts", "build.bin", file.toString(), "--content-type",
				"application/x-test");
		assertSucceeded(put);
		assertThat(put.out()).isEqualTo("Stored 'build.bin' (700 KiB) in pipeline " + this.namespace + "/artifacts\n");
		Result get = gofer("pipeline", "object", "get", "artifacts", "build.bin");
		assertSucceeded(get);
		assertThat(get.stdout()).isEqualTo(content);
		assertThat(this.api.head(objects("artifacts", 0) + "/build.bin").header("Content-Type"))
			.isEqualTo("application/x-test");
	}

	@Test
	void binaryStdinIsStoredAndReadBackByteForByte() {
		byte[] content = randomBytes(600 * 1024 + 17);
		assertSucceeded(this.gofer.run(env(), content, "run", "object", "put", "cache", "deps.tar", "@", "--run", "4"));
		Result get = gofer("run", "object", "get", "cache", "deps.tar", "--run", "4");
		assertSucceeded(get);
		assertThat(get.stdout()).isEqualTo(content);
		assertThat(this.api.head(objects("cache", 4) + "/deps.tar").header("Content-Type"))
			.isEqualTo("application/octet-stream");
	}

	@Test
	void stringifyPrintsTextWithANewline() {
		assertSucceeded(gofer("pipeline", "object", "put", "p", "greeting=h\u00e9llo"));
		assertThat(gofer("pipeline", "object", "get", "p", "greeting", "--stringify").out()).isEqualTo("h\u00e9llo\n");
		assertThat(gofer("pipeline", "object", "get", "p", "greeting").out()).isEqualTo("h\u00e9llo");
	}

	@Test
	void existingKeyNeedsForce() {
		assertSucceeded(gofer("pipeline", "object", "put", "p", "k=first"));
		Result refused = gofer("pipeline", "object", "put", "p", "k=second");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		assertThat(refused.stdout()).isEmpty();
		assertThat(refused.stderr()).startsWith("gofer: Key 'k' already exists in pipeline " + this.namespace + "/p")
			.contains("--force")
			.hasLineCount(1);
		assertThat(gofer("pipeline", "object", "get", "p", "k").out()).isEqualTo("first");
		assertSucceeded(gofer("pipeline", "object", "put", "p", "k=second", "--force"));
		assertThat(gofer("pipeline", "object", "get", "p", "k").out()).isEqualTo("second");
	}

	@Test
	void runIsChosenByFlagThenEnvironmentThenLatestRun() {
		assertSucceeded(gofer("run", "object", "put", "p", "k=flag", "--run", "1"));
		assertSucceeded(this.gofer.run(env("GOFER_RUN_ID", "2"), null, "run", "object", "put", "p", "k=env"));
		assertThat(gofer("run", "start", "p", "--output", "plain").out()).isEqualTo("3\n");
		assertSucceeded(gofer("run", "object", "put", "p", "k=latest"));

		assertThat(this.api.get(objects("p", 1) + "/k").text()).isEqualTo("flag");
		assertThat(this.api.get(objects("p", 2) + "/k").text()).isEqualTo("env");
		assertThat(this.api.get(objects("p", 3) + "/k").text()).isEqualTo("latest");
		assertThat(gofer("run", "object", "get", "p", "k").out()).isEqualTo("latest");
		assertThat(this.gofer.run(env("GOFER_RUN_ID", "2"), null, "run", "object", "get", "p", "k").out())
			.isEqualTo("env");
		assertThat(this.gofer.run(env("GOFER_RUN_ID", "2"), null, "run", "object", "get", "p", "k", "--run", "1").out())
			.isEqualTo("flag");
	}

	@Test
	void listPrintsATableJsonOrKeys() throws IOException {
		assertSucceeded(gofer("pipeline", "object", "put", "p", "a=1"));
		assertSucceeded(gofer("pipeline", "object", "put", "p", "b=" + "x".repeat(2048)));

		String[] table = gofer("pipeline", "object", "list", "p").out().split("\n");
		assertThat(table).hasSize(3);
		assertThat(table[0]).matches("KEY +SIZE +CREATED +AGE");
		assertThat(table[1]).matches("a +1 B +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d +\\d+s");
		assertThat(table[2]).matches("b +2\\.0 KiB +\\d{4}-.* +\\d+s");

		JsonNode json = JSON.readTree(gofer("pipeline", "object", "list", "p", "--output", "json").out());
		assertThat(json.get("objects")).hasSize(2);
		assertThat(json.get("objects").get(1).get("size").asLong()).isEqualTo(2048);

		assertThat(gofer("pipeline", "object", "list", "p", "-o", "plain").out()).isEqualTo("a\nb\n");
		assertThat(gofer("pipeline", "object", "list", "p", "-o", "plain", "--newest", "--limit", "1").out())
			.isEqualTo("b\n");
		assertThat(
				this.gofer.run(env("GOFER_OUTPUT", "plain"), null, "pipeline", "object", "list", "p", "--prefix", "a")
					.out())
			.isEqualTo("a\n");
	}

	@Test
	void deleteRemovesAndThenReportsNotFound() {
		assertSucceeded(gofer("pipeline", "object", "put", "p", "k=v"));
		Result deleted = gofer("pipeline", "object", "delete", "p", "k");
		assertSucceeded(deleted);
		assertThat(deleted.out()).isEqualTo("Deleted 'k' from pipeline " + this.namespace + "/p\n");
		Result missing = gofer("pipeline", "object", "get", "p", "k");
		assertThat(missing.exitCode()).isEqualTo(3);
		assertThat(missing.stdout()).isEmpty();
		assertThat(missing.stderr()).isEqualTo("gofer: Key 'k' does not exist in pipeline " + this.namespace + "/p\n");
		assertThat(gofer("pipeline", "object", "delete", "p", "k").exitCode()).isEqualTo(3);
	}

	@Test
	void deleteByPrefixNeedsYesWithoutATerminal() {
		for (String key : new String[] { "deps-a=1", "deps-b=2", "keep=3" }) {
			assertSucceeded(gofer("pipeline", "object", "put", "p", key));
		}
		Result refused = gofer("pipeline", "object", "delete", "p", "--prefix", "deps-");
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
		assertThat(refused.stdout()).isEmpty();
		assertThat(refused.stderr()).contains("not a terminal", "--yes").hasLineCount(1);
		assertThat(gofer("pipeline", "object", "list", "p", "-o", "plain").out()).isEqualTo("deps-a\ndeps-b\nkeep\n");

		Result deleted = gofer("pipeline", "object", "delete", "p", "--prefix", "deps-", "--yes");
		assertSucceeded(deleted);
		assertThat(deleted.out())
			.isEqualTo("Deleted 2 objects whose key starts with 'deps-' from pipeline " + this.namespace + "/p\n");
		assertThat(gofer("pipeline", "object", "list", "p", "-o", "plain").out()).isEqualTo("keep\n");

		assertSucceeded(gofer("run", "object", "put", "p", "tmp.1=x", "--run", "2"));
		assertThat(gofer("run", "object", "delete", "p", "--prefix", "tmp.", "--run", "2", "-y").out())
			.startsWith("Deleted 1 object whose key starts with 'tmp.' from run 2 of pipeline");
		assertThat(gofer("pipeline", "object", "delete", "p").exitCode()).isEqualTo(2);
		assertThat(gofer("pipeline", "object", "delete", "p", "keep", "--prefix", "k").exitCode()).isEqualTo(2);
		assertThat(gofer("pipeline", "object", "delete", "p", "--prefix", "", "--yes").exitCode()).isEqualTo(2);
	}

	@Test
	void deleteByPrefixAsksOnATerminal() {
		assertSucceeded(gofer("pipeline", "object", "put", "p", "deps-a=1"));
		Result declined = this.gofer.runOnTerminal(env(), "n\n", "pipeline", "object", "delete", "p", "--prefix",
				"deps-");
		assertThat(declined.exitCode()).as(declined.toString()).isEqualTo(1);
		assertThat(declined.out()).contains(
				"Delete every object whose key starts with 'deps-' from pipeline " + this.namespace + "/p? [y/N]",
				"nothing was deleted");
		assertThat(gofer("pipeline", "object", "list", "p", "-o", "plain").out()).isEqualTo("deps-a\n");

		Result confirmed = this.gofer.runOnTerminal(env(), "y\n", "pipeline", "object", "delete", "p", "--prefix",
				"deps-");
		assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
		assertThat(confirmed.out()).contains("[y/N]", "Deleted 1 object whose key starts with 'deps-'");
		assertThat(gofer("pipeline", "object", "list", "p", "-o", "plain").out()).isEmpty();
	}

	@Test
	void namespacesAndPipelinesAreListed() throws IOException {
		assertSucceeded(gofer("pipeline", "object", "put", "small", "k=1"));
		assertSucceeded(gofer("pipeline", "object", "put", "large", "k=" + "x".repeat(3000)));
		assertSucceeded(gofer("pipeline", "object", "put", "large", "j=2"));

		String[] namespaces = gofer("namespace", "list").out().split("\n");
		assertThat(namespaces[0]).matches("NAMESPACE +PIPELINES +OBJECTS +SIZE");
		assertThat(namespaces).anySatisfy(line -> assertThat(line).matches(this.namespace + " +2 +3 +2\\.9 KiB"));
		assertThat(gofer("namespace", "list", "-o", "plain").out()).contains(this.namespace + "\n");
		JsonNode json = JSON.readTree(gofer("namespace", "list", "-o", "json").out());
		assertThat(json.get("namespaces").isArray()).isTrue();

		String[] pipelines = gofer("pipeline", "list").out().split("\n");
		assertThat(pipelines).hasSize(3);
		assertThat(pipelines[0])
			.matches("PIPELINE +OBJECTS +OBJECT_LIMIT +SIZE +BYTE_LIMIT +EVICTION +RUN_EXPIRY +LATEST_RUN");
		assertThat(pipelines[1]).matches("large +2 +50 +2\\.9 KiB +none +oldest +50 +-");
		assertThat(pipelines[2]).matches("small +1 +50 +1 B +none +oldest +50 +-");
		assertThat(gofer("pipeline", "list", "--sort", "bytes", "-o", "plain").out()).isEqualTo("large\nsmall\n");
		assertThat(gofer("pipeline", "list", "--prefix", "sm", "-o", "plain").out()).isEqualTo("small\n");
		assertThat(gofer("pipeline", "list", "--limit", "1", "-o", "plain").out()).isEqualTo("large\n");
		JsonNode listed = JSON.readTree(gofer("pipeline", "list", "-o", "json").out());
		assertThat(listed.get("pipelines").get(0).get("bytes").asLong()).isEqualTo(3001);
		assertThat(gofer("pipeline", "list", "--sort", "size").exitCode()).isEqualTo(2);
		assertThat(gofer("pipeline", "list", "--limit", "0").exitCode()).isEqualTo(2);
	}

	@Test
	void runsAreStartedAndListed() throws IOException {
		assertThat(gofer("run", "start", "p").out()).isEqualTo("Started run 1 of pipeline " + this.namespace + "/p\n");
		JsonNode started = JSON.readTree(gofer("run", "start", "p", "-o", "json").out());
		assertThat(started.get("run").get("run_id").asLong()).isEqualTo(2);
		assertThat(gofer("run", "start", "p", "--run", "2").out()).startsWith("Already registered: run 2");
		assertThat(gofer("run", "list", "p", "-o", "plain").out()).isEqualTo("2\n1\n");
		String[] table = gofer("run", "list", "p").out().split("\n");
		assertThat(table[0]).matches("RUN +STARTED +AGE +OBJECTS");
		assertThat(table[1]).matches("2 +\\d{4}-.* +\\d+s +kept");
	}

	@Test
	void pipelineLimitsAreShownAndUpdated() throws IOException {
		assertThat(gofer("pipeline", "get", "p").exitCode()).isEqualTo(3);
		Result updated = gofer("pipeline", "update", "p", "--object-limit", "2", "--byte-limit", "1MB");
		assertSucceeded(updated);
		assertThat(updated.out()).containsPattern("object_limit +2\n")
			.containsPattern("byte_limit +1048576 \\(1\\.0 MiB\\)");
		assertThat(gofer("pipeline", "update", "p", "--byte-limit", "default", "-o", "plain").out())
			.contains("object_limit=2\n", "byte_limit=none\n");
		JsonNode pipeline = JSON.readTree(gofer("pipeline", "get", "p", "-o", "json").out()).get("pipeline");
		assertThat(pipeline.get("object_limit").asInt()).isEqualTo(2);
		assertThat(gofer("pipeline", "update", "p", "--object-limit", "0").exitCode()).isEqualTo(2);
		assertThat(gofer("pipeline", "update", "p").exitCode()).isEqualTo(2);
	}

	@Test
	void theEvictionOrderIsShownAndUpdated() throws IOException {
		Result updated = gofer("pipeline", "update", "q", "--eviction", "lru");
		assertSucceeded(updated);
		assertThat(updated.out()).containsPattern("eviction +lru\n");
		assertThat(gofer("pipeline", "get", "q", "-o", "plain").out()).contains("eviction=lru\n");
		assertThat(gofer("pipeline", "update", "q", "--eviction", "default", "-o", "plain").out())
			.contains("eviction=oldest\n");
		Result refused = gofer("pipeline", "update", "q", "--eviction", "fifo");
		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.stderr()).contains("--eviction takes lru, oldest or default");
	}

	@Test
	void unreachableServerGivesExitCodeSixAndSaysWhere() throws IOException {
		String host = "http://localhost:" + closedPort();
		Result result = gofer("pipeline", "object", "get", "p", "k", "--host", host);
		assertThat(result.exitCode()).isEqualTo(6);
		assertThat(result.stdout()).isEmpty();
		assertThat(result.stderr())
			.isEqualTo("gofer: Cannot reach the Gofer server at " + host + ": connection refused\n");
	}

	@Test
	void tooLargeObjectGivesExitCodeSeven() throws IOException {
		Path file = Files.write(this.workDir.resolve("big.bin"), randomBytes(1536 * 1024));
		Result result = gofer("pipeline", "object", "put", "p", "big", file.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
		assertThat(result.stderr()).startsWith("gofer: ").hasLineCount(1);
	}

	@Test
	void invalidInputIsAUsageError() {
		Result badKey = gofer("pipeline", "object", "put", "p", ".hidden=v");
		assertThat(badKey.exitCode()).isEqualTo(2);
		assertThat(badKey.stderr()).startsWith("gofer: Invalid key '.hidden'");
		Result missingValue = gofer("pipeline", "object", "put", "p", "k");
		assertThat(missingValue.exitCode()).isEqualTo(2);
		assertThat(missingValue.stderr()).contains("KEY=VALUE");
		Result unknown = gofer("pipeline", "object", "fetch", "p", "k");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.stdout()).isEmpty();
	}

	@Test
	void configFileSetsTheConnectionUnlessAnOptionOrVariableDoes() throws IOException {
		String otherNamespace = unique("cfg");
		Path config = Files.writeString(this.workDir.resolve("gofer.properties"),
				"namespace=" + otherNamespace + "\nhost=http://localhost:" + this.port + "\n");
		Map<String, String> env = Map.of("GOFER_CONFIG", config.toString(), "GOFER_HOST", "");
		assertSucceeded(this.gofer.run(env, null, "pipeline", "object", "put", "p", "k=from-config"));
		assertThat(this.api.get("/api/namespaces/" + otherNamespace + "/pipelines/p/objects/k").text())
			.isEqualTo("from-config");
		Map<String, String> envWins = Map.of("GOFER_CONFIG", config.toString(), "GOFER_NAMESPACE", this.namespace);
		assertSucceeded(this.gofer.run(envWins, null, "pipeline", "object", "put", "p", "k=from-env"));
		assertThat(this.api.get(objects("p", 0) + "/k").text()).isEqualTo("from-env");
		Result flagWins = this.gofer.run(envWins, null, "pipeline", "object", "get", "p", "k", "--namespace",
				otherNamespace);
		assertThat(flagWins.out()).isEqualTo("from-config");
	}

	@Test
	void wrongOrMissingTokenGivesExitCodeFiveAndTheServersDetail() {
		Result wrong = this.gofer.run(env("GOFER_TOKEN", "not-a-token"), null, "pipeline", "object", "get", "p", "k");
		assertThat(wrong.exitCode()).isEqualTo(5);
		assertThat(wrong.stdout()).isEmpty();
		assertThat(wrong.stderr()).contains("not valid");
		Result missing = this.gofer.run(env("GOFER_TOKEN", ""), null, "pipeline", "object", "list", "p");
		assertThat(missing.exitCode()).isEqualTo(5);
		assertThat(missing.stderr()).contains("Authorization");
	}

	@Test
	void tokensAreCreatedUsedListedAndRevoked() {
		Result created = gofer("token", "create", "--namespaces", this.namespace, "--pipelines", "*", "--actions",
				"read", "--description", "reader", "--output", "plain");
		assertSucceeded(created);
		String secret = created.out().strip();
		assertThat(secret).startsWith("gofer_");
		assertSucceeded(gofer("pipeline", "object", "put", "p", "k=v"));
		assertThat(this.gofer.run(env("GOFER_TOKEN", secret), null, "pipeline", "object", "get", "p", "k").out())
			.isEqualTo("v");
		Result refused = this.gofer.run(env("GOFER_TOKEN", secret), null, "pipeline", "object", "put", "p", "k=w");
		assertThat(refused.exitCode()).as("a read-only token may not write").isEqualTo(5);
		assertThat(refused.stderr()).contains("does not allow 'write'");
		String id = secret.split("_")[1];
		Result listed = gofer("token", "list");
		assertSucceeded(listed);
		assertThat(listed.out()).contains(id, "reader").doesNotContain(secret);
		assertSucceeded(gofer("token", "delete", id));
		assertThat(this.gofer.run(env("GOFER_TOKEN", secret), null, "pipeline", "object", "get", "p", "k").exitCode())
			.isEqualTo(5);
	}

	@Test
	void runTokenWritesItsRunAndReadsThePipeline() {
		assertSucceeded(gofer("pipeline", "object", "put", "ci", "shared=from-pipeline"));
		Result minted = gofer("run", "token", "ci", "--run", "3", "--output", "plain");
		assertSucceeded(minted);
		Map<String, String> container = env("GOFER_TOKEN", minted.out().strip(), "GOFER_RUN_ID", "3");
		assertSucceeded(this.gofer.run(container, null, "run", "object", "put", "ci", "out=artifact"));
		assertThat(this.gofer.run(container, null, "run", "object", "get", "ci", "out").out()).isEqualTo("artifact");
		assertThat(this.gofer.run(container, null, "pipeline", "object", "get", "ci", "shared").out())
			.isEqualTo("from-pipeline");
		assertThat(this.gofer.run(container, null, "pipeline", "object", "put", "ci", "shared=changed").exitCode())
			.isEqualTo(5);
	}

	@Test
	void helpShowsExamplesAndExitCodes() {
		Result help = gofer("pipeline", "object", "put", "--help");
		assertSucceeded(help);
		assertThat(help.out()).startsWith("Usage: gofer pipeline object put")
			.contains("Examples:", "gofer pipeline object put my-pipeline my_key1=my_value5", "Exit codes:",
					"4   The key exists");
	}

	@Test
	void clientLoadsNoSpringClass() throws IOException {
		Path classLog = this.workDir.resolve("classes.log");
		Result result = this.gofer.run(env("GOFER_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), null,
				"pipeline", "object", "list", "p");
		assertSucceeded(result);
		assertThat(Files.readString(classLog)).contains("dev.gofer.objectstore.cli.GoferCli")
			.doesNotContain("org.springframework", "tools.jackson", "com.fasterxml");
	}

	private Result gofer(String... args) {
		return this.gofer.run(env(), null, args);
	}

	private Map<String, String> env(String... nameValues) {
		Map<String, String> env = new HashMap<>(Map.of("GOFER_NAMESPACE", this.namespace));
		for (int i = 0; i < nameValues.length; i += 2) {
			env.put(nameValues[i], nameValues[i + 1]);
		}
		return env;
	}

	private String objects(String pipeline, long runId) {
		return "/api/namespaces/" + this.namespace + "/pipelines/" + pipeline + (runId > 0 ? "/runs/" + runId : "")
				+ "/objects";
	}

	private static void assertSucceeded(Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
	}

	private static byte[] randomBytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
