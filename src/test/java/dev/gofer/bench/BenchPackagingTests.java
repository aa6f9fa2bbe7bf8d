package dev.gofer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The benchmark, started once the way a person starts it: {@code bench/run.sh} in its
 * smoke mode against the jar the build packaged, nginx and s3proxy (and wrk where it is
 * installed; CI installs it). It measures nothing worth reading in a few seconds, but
 * every part of the harness runs: the servers' start, wrk's Lua script and its figures,
 * the transfers, the report with its targets.
 */
class BenchPackagingTests {

	@TempDir
	Path dir;

	@Test
	void theSmokeRunGoesThroughEveryPhaseAndPrintsTheTargets() throws IOException, InterruptedException {
		assumeTrue(onPath("nginx") || Files.isExecutable(Path.of("/usr/sbin/nginx")),
				"nginx is not installed (Debian: apt-get install -y nginx-light)");
		Path jar = Path.of(System.getProperty("gofer.jar", "target/none.jar")).toAbsolutePath();
		assertThat(jar).as("the jar the build produced (system property gofer.jar)").isRegularFile();
		boolean wrk = onPath("wrk");

		ProcessBuilder builder = new ProcessBuilder("bash", "bench/run.sh", "database", "--smoke");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("BENCH_JAR", jar.toString());
		builder.environment().put("BENCH_PORT_BASE", Integer.toString(freePorts()));
		builder.environment().put("BENCH_DIR", Files.createDirectories(this.dir.resolve("bench")).toString());
		Path out = this.dir.resolve("out.md");
		Path err = this.dir.resolve("err.txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		String report = Files.readString(out, StandardCharsets.UTF_8);
		String progress = Files.readString(err, StandardCharsets.UTF_8);
		String context = report + "\n--- stderr ---\n" + progress;

		assertThat(process.exitValue()).as(context).isZero();
		assertThat(report).as(context)
			.contains("Smoke run", "**Targets**", "MiB upload ≥ 0.6× nginx", "heap flat through")
			.contains("every transfer went through intact")
			.doesNotContain("Failures:", "FAILED");
		assertThat(progress).contains("bench: done");
		if (wrk) {
			assertThat(report).contains("**Is the client the limit?**", "1 KiB GET ≥ 0.40× nginx, 8 connections",
					"1 KiB PUT p99 ≤ 5× nginx's, 8 connections", "scoped token's PUT");
			assertThat(firstRate(report, "1 KiB GET of 1 of")).as(context).isPositive();
			assertThat(firstRate(report, "1 KiB durable PUT of a new key")).as(context).isPositive();
		}
		else {
			assertThat(report).contains("wrk is not installed");
		}
	}

	@Test
	void theOperatorApiBenchmarkRunsOnASmallCatalog() throws IOException, InterruptedException {
		assumeTrue(onPath("unzip"), "unzip is not installed");
		Path jar = Path.of(System.getProperty("gofer.jar", "target/none.jar")).toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder("bash", "bench/console/run.sh", "--pipelines", "40",
				"--objects-per-pipeline", "5", "--bulk", "500", "--reps", "2");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("BENCH_JAR", jar.toString());
		builder.environment().put("BENCH_PORT", Integer.toString(freePorts()));
		Path out = this.dir.resolve("console.txt");
		Path err = this.dir.resolve("console-err.txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
		}
		String report = Files.readString(out, StandardCharsets.UTF_8);
		String context = report + "\n--- stderr ---\n" + Files.readString(err, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(context).isZero();
		assertThat(report).as(context).contains("DELETE …/bulk/objects?prefix=cache-: 500 objects");
	}

	/** The service's requests per second in the first round of a load's table. */
	private static double firstRate(String report, String table) {
		int at = report.indexOf(table);
		assertThat(at).as("a table for " + table).isNotNegative();
		Matcher round = Pattern.compile("\\n\\| 1 \\| ([\\d,.]+) \\(").matcher(report.substring(at));
		assertThat(round.find()).as("a first round in " + table).isTrue();
		return Double.parseDouble(round.group(1).replace(",", ""));
	}

	private static boolean onPath(String executable) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
				return true;
			}
		}
		return false;
	}

	/** The first of three consecutive free ports, for the service, nginx and s3proxy. */
	private static int freePorts() throws IOException {
		for (int attempt = 0; attempt < 50; attempt++) {
			int base;
			try (ServerSocket socket = new ServerSocket(0)) {
				base = socket.getLocalPort();
			}
			if (base < 65_000 && free(base + 1) && free(base + 2)) {
				return base;
			}
		}
		throw new IllegalStateException("No three consecutive free ports");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
