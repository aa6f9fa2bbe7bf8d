package dev.gofer.objectstore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.GeneratedContent;
import dev.gofer.objectstore.support.GoferProcess;
import dev.gofer.objectstore.support.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as a container runs it: JSON log lines (ECS) that carry the request id, and
 * a SIGTERM that lets an upload and a download under way finish before the process exits.
 * One server for the class; the shutdown test stops it, so it runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsProcessTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final long DOWNLOAD_SIZE = 64L << 20;

	private static final long UPLOAD_SIZE = 48L << 20;

	private GoferProcess server;

	private ApiClient api;

	@BeforeAll
	void start(@TempDir Path temp) throws Exception {
		this.server = GoferProcess.start(temp.resolve("data"), List.of("-Xmx256m"),
				"--logging.structured.format.console=ecs", "--gofer.object-store.max-object-size=1GB");
		this.api = this.server.api();
	}

	@AfterAll
	void stop() throws InterruptedException {
		this.server.close();
	}

	@Test
	@Order(1)
	void jsonLogLinesCarryTheRequestId() throws Exception {
		Reply refused = this.api.withToken("wrong")
			.get("/api/namespaces/default/pipelines/p/objects", "X-Request-Id", "json-log-42");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("X-Request-Id")).isEqualTo("json-log-42");

		JsonNode line = awaitLogLine(node -> "json-log-42".equals(node.path("request_id").asString()));
		assertThat(line.path("message").asString())
			.startsWith("Refused GET /api/namespaces/default/pipelines/p/objects");
		assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(line.path("service").path("name").asString()).isEqualTo("gofer-object-store");
		// Every line is JSON, the start-up banner's lines too.
		for (String text : Files.readAllLines(this.server.log())) {
			if (!text.isBlank() && !text.startsWith("WARNING:")) {
				assertThat(JSON.readTree(text).has("@timestamp")).as(text).isTrue();
			}
		}
	}

	@Test
	@Order(2)
	@Timeout(120)
	void sigtermLetsTransfersUnderWayFinish() throws Exception {
		String base = "/api/namespaces/default/pipelines/shutdown/objects/";
		GeneratedContent stored = new GeneratedContent(1, DOWNLOAD_SIZE);
		assertThat(this.api.stream("PUT", base + "big", () -> stored).status()).isEqualTo(201);
		String storedSha = stored.sha256();

		// A download whose client reads slowly: the server is still writing when SIGTERM
		// comes.
		HttpResponse<InputStream> download = this.api.open(base + "big");
		assertThat(download.statusCode()).isEqualTo(200);
		InputStream downloadBody = download.body();
		MessageDigest downloaded = GeneratedContent.sha256Digest();
		long downloadedBytes = read(downloadBody, downloaded, 1 << 20);

		// An upload that sends half its body, then waits for the test to let it go on.
		// Its first part is larger than socket buffers hold: the server is reading it
		// when it pauses.
		CountDownLatch paused = new CountDownLatch(1);
		CountDownLatch resume = new CountDownLatch(1);
		GeneratedContent uploadContent = new GeneratedContent(2, UPLOAD_SIZE);
		CompletableFuture<Reply> upload = CompletableFuture.supplyAsync(() -> this.api.stream("PUT",
				base + "during-shutdown", () -> new PausingStream(uploadContent, UPLOAD_SIZE / 2, paused, resume),
				"Content-Type", "application/x-test"));
		assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
		awaitCondition("both transfers are in flight on the server", () -> activeRequests() >= 3);

		this.server.terminate();
		awaitCondition("the server refuses new work", () -> !acceptsRequests());

		resume.countDown();
		downloadedBytes += read(downloadBody, downloaded, Long.MAX_VALUE);
		assertThat(downloadedBytes).isEqualTo(DOWNLOAD_SIZE);
		assertThat(HexFormat.of().formatHex(downloaded.digest())).isEqualTo(storedSha);
		Reply uploaded = upload.get(60, TimeUnit.SECONDS);
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		assertThat(uploaded.json().at("/object/sha256").asString()).isEqualTo(uploadContent.sha256());

		assertThat(this.server.awaitExit(Duration.ofSeconds(60))).as("the server exits").isTrue();
		String log = Files.readString(this.server.log());
		assertThat(log).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
	}

	private double activeRequests() {
		// The scrape itself is one of the active requests.
		return PrometheusScrape.of(this.api).value("http_server_requests_active_seconds_count");
	}

	private boolean acceptsRequests() {
		try {
			return this.api.get("/actuator/health/readiness").status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

	private JsonNode awaitLogLine(Predicate<JsonNode> wanted) throws Exception {
		Instant deadline = Instant.now().plusSeconds(10);
		while (Instant.now().isBefore(deadline)) {
			for (String text : Files.readAllLines(this.server.log())) {
				if (text.startsWith("{")) {
					JsonNode node = JSON.readTree(text);
					if (wanted.test(node)) {
						return node;
					}
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No such log line in " + this.server.log());
	}

	private static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Timed out waiting until " + what);
			}
			Thread.sleep(50);
		}
	}

	private static long read(InputStream in, MessageDigest digest, long limit) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		while (total < limit) {
			int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
			if (n < 0) {
				break;
			}
			digest.update(buffer, 0, n);
			total += n;
		}
		return total;
	}

	/**
	 * Passes its content through, but after {@code pauseAt} bytes opens {@code paused}
	 * and waits until {@code resume} opens.
	 */
	private static final class PausingStream extends FilterInputStream {

		private final long pauseAt;

		private final CountDownLatch paused;

		private final CountDownLatch resume;

		private long position;

		PausingStream(InputStream content, long pauseAt, CountDownLatch paused, CountDownLatch resume) {
			super(content);
			this.pauseAt = pauseAt;
			this.paused = paused;
			this.resume = resume;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.position >= this.pauseAt) {
				this.paused.countDown();
				try {
					this.resume.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
			int allowed = this.position < this.pauseAt ? (int) Math.min(length, this.pauseAt - this.position) : length;
			int n = super.read(buffer, offset, allowed);
			if (n > 0) {
				this.position += n;
			}
			return n;
		}

	}

}
