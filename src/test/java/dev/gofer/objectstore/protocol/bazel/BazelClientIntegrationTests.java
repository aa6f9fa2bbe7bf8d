package dev.gofer.objectstore.protocol.bazel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PrometheusScrape;
import dev.gofer.objectstore.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The real Bazel (Debian's {@code bazel-bootstrap}, which {@code .ci/run} installs)
 * builds a genrule twice against the service as its {@code --remote_cache}, with the
 * token in the URL as Basic credentials: the first build uploads the action result and
 * the output, the second, in a fresh output base with nothing local, takes both from the
 * store. Outside CI a machine without Bazel skips this test; in CI its absence fails it.
 */
class BazelClientIntegrationTests extends IntegrationTest {

	private static final Path BAZEL = Path.of("/usr/bin/bazel");

	@BeforeAll
	static void bazelIsInstalled() {
		if (System.getenv("CI") == null) {
			assumeThat(Files.isExecutable(BAZEL)).as("bazel (apt-get install bazel-bootstrap)").isTrue();
		}
		assertThat(BAZEL).as("bazel-bootstrap, installed by .ci/run").isExecutable();
	}

	@Test
	void aSecondBuildInAFreshOutputBaseIsServedFromTheStore(@TempDir Path directory) throws Exception {
		String namespace = unique("bazel");
		String token = Tokens.create(this.api, namespace, "app", "read", "write");
		Path workspace = Files.createDirectories(directory.resolve("workspace"));
		Files.writeString(workspace.resolve("WORKSPACE"), "");
		Files.writeString(workspace.resolve("input.txt"), "hello from the cache\n");
		Files.writeString(workspace.resolve("BUILD"), """
				genrule(
				    name = "shout",
				    srcs = ["input.txt"],
				    outs = ["shout.txt"],
				    cmd = "tr a-z A-Z < $< > $@",
				)
				""");
		String remote = "--remote_cache=http://bazel:" + token + "@localhost:" + this.port + "/cache/bazel/" + namespace
				+ "/app";

		String first = bazel(workspace, directory.resolve("first"), remote);
		assertThat(first).contains("1 local").doesNotContain("remote cache hit");
		JsonNode objects = this.api.get("/api/namespaces/" + namespace + "/pipelines/app/objects")
			.json()
			.get("objects");
		assertThat(objects.valueStream().map(object -> object.get("key").asString().substring(0, 3))).contains("ac.",
				"cas");

		double hitsBefore = PrometheusScrape.of(this.api)
			.value("gofer_cache_requests_total", "protocol", "bazel", "outcome", "hit");
		String second = bazel(workspace, directory.resolve("second"), remote);
		assertThat(second).contains("1 remote cache hit");
		assertThat(Files.readString(workspace.resolve("bazel-bin/shout.txt"))).isEqualTo("HELLO FROM THE CACHE\n");
		assertThat(PrometheusScrape.of(this.api)
			.value("gofer_cache_requests_total", "protocol", "bazel", "outcome", "hit")).isGreaterThan(hitsBefore);
	}

	/** Runs one build in batch mode (no server left behind) and returns its output. */
	private static String bazel(Path workspace, Path outputRoot, String remote)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(BAZEL.toString(), "--batch", "--nohome_rc", "--noworkspace_rc",
				"--output_user_root=" + outputRoot, "build", "//:shout", remote, "--spawn_strategy=local",
				"--noshow_progress", "--color=no", "--curses=no"));
		ProcessBuilder builder = new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
		builder.environment().put("HOME", outputRoot.toString());
		Files.createDirectories(outputRoot);
		File log = outputRoot.resolve("bazel.log").toFile();
		builder.redirectOutput(log);
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("bazel did not finish in 5 minutes");
		}
		String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

}
