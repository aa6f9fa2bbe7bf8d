package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for the test run: s3proxy, from the jar the build copies to
 * {@code target/s3proxy}, in a process of its own on loopback, keeping its buckets in a
 * temporary directory. Each caller gets a bucket of its own.
 */
public final class S3Server {

	public static final String ACCESS_KEY = "gofer-test-access";

	public static final String SECRET_KEY = "gofer-test-secret";

	private static final AtomicInteger buckets = new AtomicInteger();

	private static URI endpoint;

	private S3Server() {
	}

	public static synchronized URI endpoint() {
		if (endpoint == null) {
			endpoint = start();
		}
		return endpoint;
	}

	/** A new, empty bucket. */
	public static String newBucket() {
		return newBucket(endpoint());
	}

	/** A new, empty bucket on a given server. */
	public static String newBucket(URI server) {
		String bucket = "gofer-test-" + buckets.incrementAndGet();
		try (S3Client client = client(server)) {
			client.createBucket(b -> b.bucket(bucket));
		}
		return bucket;
	}

	/** A client for checking what the service left in the store. */
	public static S3Client client() {
		return client(endpoint());
	}

	static S3Client client(URI server) {
		return S3Client.builder()
			.endpointOverride(server)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.build();
	}

	/** The properties that point the service's s3 engine at a new bucket. */
	public static List<String> engineProperties() {
		return engineProperties(endpoint());
	}

	/**
	 * The properties that point the service's s3 engine at a new bucket on a given
	 * server.
	 */
	public static List<String> engineProperties(URI server) {
		return List.of("gofer.object-store.engine=s3", "gofer.object-store.s3.endpoint=" + server,
				"gofer.object-store.s3.bucket=" + newBucket(server), "gofer.object-store.s3.access-key=" + ACCESS_KEY,
				"gofer.object-store.s3.secret-key=" + SECRET_KEY, "gofer.object-store.s3.path-style=true",
				"gofer.object-store.s3.part-size=5MB");
	}

	private static URI start() {
		try {
			S3Process process = S3Process.start(Files.createTempDirectory("gofer-s3proxy"), freePort());
			Runtime.getRuntime().addShutdownHook(new Thread(process::stop));
			return process.endpoint();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start s3proxy", ex);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * One s3proxy process, which a test may stop and start again on the same port and
	 * files.
	 */
	public static final class S3Process {

		private final Path directory;

		private final int port;

		private Process process;

		private S3Process(Path directory, int port) {
			this.directory = directory;
			this.port = port;
		}

		/**
		 * Starts s3proxy keeping its buckets under {@code directory}, listening on
		 * {@code port}.
		 */
		public static S3Process start(Path directory, int port) throws IOException {
			S3Process s3 = new S3Process(directory, port);
			s3.start();
			return s3;
		}

		/** A dedicated server on a free port, for tests that take it down. */
		public static S3Process startDedicated() throws IOException {
			return start(Files.createTempDirectory("gofer-s3proxy"), freePort());
		}

		public URI endpoint() {
			return URI.create("http://127.0.0.1:" + this.port);
		}

		public synchronized void start() throws IOException {
			Path jar = Path.of("target", "s3proxy", "s3proxy.jar").toAbsolutePath();
			if (!Files.exists(jar)) {
				throw new IllegalStateException(jar + " is missing; the build copies it in process-test-resources");
			}
			Files.createDirectories(this.directory.resolve("buckets"));
			Path properties = this.directory.resolve("s3proxy.conf");
			Files.writeString(properties, String.join("\n", "s3proxy.endpoint=http://127.0.0.1:" + this.port,
					"s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY,
					"s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem",
					"jclouds.filesystem.basedir=" + this.directory.resolve("buckets"), "jclouds.identity=" + ACCESS_KEY,
					"jclouds.credential=" + SECRET_KEY, "jclouds.regions=us-east-1", ""));
			String java = ProcessHandle.current().info().command().orElse("java");
			this.process = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties",
					properties.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("s3proxy.log").toFile()))
				.start();
			awaitListening(this.process, this.port, this.directory.resolve("s3proxy.log"));
		}

		/** Kills the server at once, as an outage would. */
		public synchronized void stop() {
			if (this.process != null) {
				this.process.destroyForcibly();
				try {
					this.process.waitFor();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

	private static void awaitListening(Process process, int port, Path log) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("s3proxy exited; see " + log);
			}
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(interrupted);
				}
			}
		}
		throw new IllegalStateException("s3proxy did not start listening within 60 s; see " + log);
	}

}
