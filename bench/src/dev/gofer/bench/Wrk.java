package dev.gofer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the load generator of the 1 KiB loads,
 * <a href="https://github.com/wg/wrk">wrk</a>, with {@code bench/wrk/bench.lua}, and
 * reads what it measured. wrk is an event loop in C: on this machine it drives nginx at
 * several times the rate of the JVM load generator it replaces, so the servers, not the
 * client, set the figures ({@link Bench} checks that on nginx every run).
 */
final class Wrk {

	private static final Pattern RESULT = Pattern.compile("^wrk-result (.*)$", Pattern.MULTILINE);

	/**
	 * The children's user and system time that bash's {@code times} prints, as its second
	 * line.
	 */
	private static final Pattern TIMES = Pattern.compile(
			"^(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*\\n(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s\\s*$", Pattern.MULTILINE);

	private final String executable;

	private final Path script;

	Wrk(String executable, Path script) {
		this.executable = executable;
		this.script = script;
	}

	/** What one run of wrk measured. */
	record Result(long requests, double seconds, long errors, String errorText, double p50Ms, double p90Ms,
			double p99Ms, double maxMs, double cpuSeconds, int threads) {

		double perSecond() {
			return this.requests / this.seconds;
		}

		/** wrk's own CPU as a share of what its threads could have used. */
		double cpuShare() {
			return this.cpuSeconds / (this.seconds * this.threads);
		}

	}

	/**
	 * Runs {@code threads} threads with {@code connections} connections for
	 * {@code seconds} against {@code target}; {@code args} go to the Lua script (get or
	 * put, the path prefix, and a count). Every request carries the target's
	 * {@code Authorization} header.
	 */
	Result run(Target target, int threads, int connections, double seconds, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("bash", "-c",
				// bash's `times` reports the CPU wrk used, user and system, once it has
				// exited.
				"\"$@\"; status=$?; times; exit $status", "wrk", this.executable, "-t" + threads,
				"-c" + Math.max(connections, threads), "-d" + Math.max(1, Math.round(seconds)) + "s", "--latency",
				"--timeout", "10s", "-s", this.script.toString(), target.url(), "--"));
		command.addAll(List.of(args));
		command.add(target.authorization());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor((long) seconds + 60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("wrk did not finish");
		}
		String text = new String(output, StandardCharsets.UTF_8);
		Matcher result = RESULT.matcher(text);
		if (process.exitValue() != 0 || !result.find()) {
			throw new IOException("wrk failed (exit " + process.exitValue() + "): " + text.strip());
		}
		Map<String, Long> fields = new HashMap<>();
		for (String field : result.group(1).trim().split("\\s+")) {
			int equals = field.indexOf('=');
			fields.put(field.substring(0, equals), Long.parseLong(field.substring(equals + 1)));
		}
		long connect = fields.get("connect");
		long read = fields.get("read");
		long write = fields.get("write");
		long status = fields.get("status");
		long timeout = fields.get("timeout");
		long errors = connect + read + write + status + timeout;
		String errorText = errors == 0 ? null : "errors: connect " + connect + ", read " + read + ", write " + write
				+ ", status ≥ 400 " + status + ", timeout " + timeout;
		Matcher times = TIMES.matcher(text);
		double cpu = Double.NaN;
		if (times.find()) {
			cpu = Long.parseLong(times.group(5)) * 60 + Double.parseDouble(times.group(6))
					+ Long.parseLong(times.group(7)) * 60 + Double.parseDouble(times.group(8));
		}
		return new Result(fields.get("requests") - status, fields.get("duration_us") / 1e6, errors, errorText,
				fields.get("p50_us") / 1e3, fields.get("p90_us") / 1e3, fields.get("p99_us") / 1e3,
				fields.get("max_us") / 1e3, cpu, threads);
	}

}
