package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code gofer} launcher script as a separate process, on the test class
 * path (so that no jar needs to be packaged first), against a given server. The
 * environment is the test's own minus every {@code GOFER_*} variable and the user's
 * config file, so that only what a test sets counts.
 */
public final class GoferCommandLine {

	private static final Path LAUNCHER = Path.of("gofer").toAbsolutePath();

	private final Map<String, String> baseEnvironment = new HashMap<>();

	private final Path workDir;

	/**
	 * @param host the server, as {@code GOFER_HOST}
	 * @param workDir a scratch directory; the config home points into it
	 */
	public GoferCommandLine(String host, Path workDir) {
		this.workDir = workDir;
		System.getenv().forEach((name, value) -> {
			if (!name.startsWith("GOFER_")) {
				this.baseEnvironment.put(name, value);
			}
		});
		this.baseEnvironment.put("JAVA_HOME", System.getProperty("java.home"));
		this.baseEnvironment.put("GOFER_CLASSPATH", System.getProperty("java.class.path"));
		this.baseEnvironment.put("GOFER_HOST", host);
		this.baseEnvironment.put("GOFER_TOKEN", IntegrationTest.ADMIN_TOKEN);
		this.baseEnvironment.put("XDG_CONFIG_HOME", workDir.resolve("config-home").toString());
	}

	/** Runs {@code gofer} with these arguments. */
	public Result run(String... args) {
		return run(Map.of(), null, args);
	}

	/**
	 * Runs {@code gofer}.
	 * @param env variables to set besides the base environment
	 * @param stdin bytes to pipe to its standard input, or null for none (an empty pipe)
	 */
	public Result run(Map<String, String> env, byte[] stdin, String... args) {
		List<String> command = new ArrayList<>();
		command.add(LAUNCHER.toString());
		command.addAll(List.of(args));
		try {
			Path out = Files.createTempFile(this.workDir, "stdout", ".bin");
			Path err = Files.createTempFile(this.workDir, "stderr", ".txt");
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().clear();
			builder.environment().putAll(this.baseEnvironment);
			builder.environment().putAll(env);
			Process process = builder.start();
			try (OutputStream input = process.getOutputStream()) {
				if (stdin != null) {
					input.write(stdin);
				}
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("gofer " + String.join(" ", args) + " did not finish in 60 s");
			}
			return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs {@code gofer} on a terminal of its own (a pseudo-terminal that util-linux's
	 * {@code script} opens), as a person at a shell would, and types {@code typed} into
	 * it. The result's stdout is what the terminal showed: the command's stdout and
	 * stderr together.
	 */
	public Result runOnTerminal(Map<String, String> env, String typed, String... args) {
		StringBuilder command = new StringBuilder(quoted(LAUNCHER.toString()));
		for (String arg : args) {
			command.append(' ').append(quoted(arg));
		}
		try {
			Path out = Files.createTempFile(this.workDir, "terminal", ".txt");
			Path err = Files.createTempFile(this.workDir, "stderr", ".txt");
			ProcessBuilder builder = new ProcessBuilder("script", "--quiet", "--return", "--command",
					command.toString(), "/dev/null")
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().clear();
			builder.environment().putAll(this.baseEnvironment);
			builder.environment().putAll(env);
			Process process = builder.start();
			try (OutputStream input = process.getOutputStream()) {
				input.write(typed.getBytes(StandardCharsets.UTF_8));
			}
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("gofer " + String.join(" ", args) + " did not finish in 60 s");
			}
			return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String quoted(String arg) {
		return "'" + arg.replace("'", "'\\''") + "'";
	}

	/** What a run of {@code gofer} left: its exit code and its output. */
	public record Result(int exitCode, byte[] stdout, String stderr) {

		public String out() {
			return new String(this.stdout, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + ", stdout [" + out() + "], stderr [" + this.stderr + "]";
		}

	}

}
