package dev.gofer.objectstore.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.gofer.objectstore.GoferApplication;

/**
 * The service in a JVM of its own, started from the test class path, for tests that need
 * a small heap of its own or must kill the server with SIGKILL. Its output goes to a log
 * file beside the data directory.
 */
public final class GoferProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private GoferProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a server and waits until it is ready.
	 * @param jvmOptions such as {@code -Xmx256m}
	 * @param properties {@code --name=value} arguments; the port and data dir are added
	 */
	public static GoferProcess start(Path dataDir, List<String> jvmOptions, String... properties)
			throws IOException, InterruptedException {
		return startUnder(List.of(), dataDir, jvmOptions, properties);
	}

	/**
	 * Starts a server whose command line follows {@code wrapper}, such as
	 * {@code bash -c 'ulimit -f 1000; exec "$@"' bash} to limit the size of the files it
	 * may write.
	 */
	public static GoferProcess startUnder(List<String> wrapper, Path dataDir, List<String> jvmOptions,
			String... properties) throws IOException, InterruptedException {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(wrapper);
		command.add(java);
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(GoferApplication.class.getName());
		return start(command, Map.of(), dataDir, properties);
	}

	/**
	 * Starts a server with a command of one's own, such as the {@code gofer} launcher,
	 * and waits until it is ready.
	 * @param command the command and its first arguments; the port, the data dir and the
	 * properties are added
	 * @param environment variables to set besides the test's own
	 */
	public static GoferProcess start(List<String> command, Map<String, String> environment, Path dataDir,
			String... properties) throws IOException, InterruptedException {
		int port = freePort();
		List<String> arguments = new ArrayList<>(command);
		arguments.add("--server.port=" + port);
		arguments.add("--gofer.data-dir=" + dataDir);
		arguments.add("--gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN);
		arguments.addAll(List.of(properties));
		Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + port + ".log");
		ProcessBuilder builder = new ProcessBuilder(arguments).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		GoferProcess server = new GoferProcess(builder.start(), port, log);
		server.awaitReady(Duration.ofSeconds(90));
		return server;
	}

	public ApiClient api() {
		return ApiClient.onPort(this.port);
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path log() {
		return this.log;
	}

	/** Kills the server with SIGKILL: no shutdown hook, no flush, as in a crash. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	/** Sends SIGTERM, as Kubernetes does to stop a pod, and returns without waiting. */
	public void terminate() {
		this.process.destroy();
	}

	/**
	 * Waits for the server to exit; false if it is still running after {@code timeout}.
	 */
	public boolean awaitExit(Duration timeout) throws InterruptedException {
		return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

	private void awaitReady(Duration timeout) throws InterruptedException, IOException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				HttpResponse<String> response = http.send(HttpRequest
					.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health/readiness"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		this.process.destroyForcibly();
		throw new IllegalStateException("The server did not become ready within " + timeout + "; see " + this.log);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
