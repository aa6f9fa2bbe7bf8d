package dev.gofer.objectstore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.GeneratedContent;
import dev.gofer.objectstore.support.GoferProcess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server killed with SIGKILL in the middle of an upload: after a restart on the same
 * data directory the earlier value is intact, and the retention jobs reclaim the
 * half-written bytes.
 */
class CrashRecoveryProcessTests {

	// Short leases and intervals, so that the dead server's upload is reclaimed within
	// seconds.
	private static final String[] OPTIONS = { "--gofer.retention.instance-lease=2s",
			"--gofer.retention.reclaim-interval=1s", "--gofer.retention.heartbeat-interval=500ms",
			"--gofer.retention.reclaim-delay=0s" };

	private static final String PIPELINE = "/api/namespaces/default/pipelines/crash";

	private static final String PATH = PIPELINE + "/objects/state";

	private static final long BODY_SIZE = 200L << 20;

	private static final long KILL_AFTER = 50L << 20;

	/**
	 * Chunks (256 KiB each by default, 16 MiB in all) that the server must have stored
	 * before it is killed.
	 */
	private static final int CHUNKS_BEFORE_KILL = 64;

	@Test
	@Timeout(120)
	void uploadCutOffByACrashLeavesTheOldValueAndItsBytesAreReclaimed(
			@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path temp) throws Exception {
		Path dataDir = temp.resolve("data");
		String oldSha256 = sha256("old");
		try (GoferProcess server = GoferProcess.start(dataDir, List.of(), OPTIONS)) {
			Reply put = server.api().put(PATH, "old");
			assertThat(put.status()).as(put.toString()).isEqualTo(201);
			assertThat(put.json().at("/object/sha256").asString()).isEqualTo(oldSha256);

			CountDownLatch killed = new CountDownLatch(1);
			GatedContent body = new GatedContent(new GeneratedContent(7, BODY_SIZE), KILL_AFTER, killed);
			CompletableFuture<Reply> upload = CompletableFuture
				.supplyAsync(() -> server.api().stream("PUT", PATH, () -> body));
			await().atMost(Duration.ofSeconds(60)).until(() -> body.passed() >= KILL_AFTER);
			// The client is held at KILL_AFTER bytes; wait until the server has stored a
			// good part.
			await().atMost(Duration.ofSeconds(60))
				.until(() -> count(dataDir, "SELECT count(*) FROM blob_chunks WHERE blob_id IN "
						+ "(SELECT id FROM blobs WHERE state = 'PENDING')") >= CHUNKS_BEFORE_KILL);
			server.kill();
			killed.countDown();
			assertThat(upload).failsWithin(Duration.ofSeconds(30));
		}
		// Read after the kill, before a restart can reclaim anything: the crash did leave
		// bytes behind.
		assertThat(count(dataDir, "SELECT count(*) FROM blobs WHERE state = 'PENDING'")).isEqualTo(1);
		assertThat(leftoverChunks(dataDir)).isGreaterThanOrEqualTo(CHUNKS_BEFORE_KILL);

		try (GoferProcess server = GoferProcess.start(dataDir, List.of(), OPTIONS)) {
			ApiClient api = server.api();
			assertOldValue(api, oldSha256);
			Reply list = api.get(PIPELINE + "/objects");
			assertThat(list.status()).as(list.toString()).isEqualTo(200);
			assertThat(list.json().at("/objects").size()).as(list.toString()).isEqualTo(1);
			assertThat(list.json().at("/objects/0/key").asString()).isEqualTo("state");
			assertThat(list.json().at("/objects/0/size").asLong()).isEqualTo(3);
			assertThat(list.json().at("/objects/0/sha256").asString()).isEqualTo(oldSha256);
			Reply pipeline = api.get(PIPELINE);
			assertThat(pipeline.json().at("/pipeline/object_count").asLong()).as(pipeline.toString()).isEqualTo(1);
			assertThat(pipeline.json().at("/pipeline/bytes").asLong()).as(pipeline.toString()).isEqualTo(3);

			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
				assertThat(count(dataDir, "SELECT count(*) FROM blobs WHERE state IN ('PENDING', 'GARBAGE')"))
					.as("blobs not yet reclaimed")
					.isZero();
				assertThat(leftoverChunks(dataDir)).as("chunks of blobs that are not live").isZero();
			});
			assertThat(count(dataDir, "SELECT count(*) FROM blobs"))
				.as("the old value is small enough for its catalog row to hold it: no blob is left")
				.isZero();
			assertOldValue(api, oldSha256);
		}
	}

	private static void assertOldValue(ApiClient api, String sha256) {
		Reply get = api.get(PATH);
		assertThat(get.status()).as(get.toString()).isEqualTo(200);
		assertThat(get.text()).isEqualTo("old");
		assertThat(get.header("ETag")).isEqualTo("\"" + sha256 + "\"");
	}

	private static long leftoverChunks(Path dataDir) throws SQLException {
		return count(dataDir,
				"SELECT count(*) FROM blob_chunks WHERE blob_id NOT IN (SELECT id FROM blobs WHERE state = 'LIVE')");
	}

	/**
	 * Runs a count on the catalog over a read-only connection of our own, beside the
	 * server's.
	 */
	private static long count(Path dataDir, String sql) throws SQLException {
		SQLiteConfig config = new SQLiteConfig();
		config.setReadOnly(true);
		config.setBusyTimeout(10_000);
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("gofer.db"),
				config.toProperties());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static String sha256(String text) {
		return HexFormat.of().formatHex(GeneratedContent.sha256Digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Lets {@code limit} bytes through, then holds the reader until {@code gate} opens,
	 * so that the server is certainly in the middle of the upload when it is killed.
	 */
	private static final class GatedContent extends FilterInputStream {

		private final long limit;

		private final CountDownLatch gate;

		private volatile long passed;

		GatedContent(InputStream in, long limit, CountDownLatch gate) {
			super(in);
			this.limit = limit;
			this.gate = gate;
		}

		long passed() {
			return this.passed;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			long before = this.passed;
			if (before >= this.limit) {
				try {
					this.gate.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException();
				}
			}
			int allowed = (before < this.limit) ? (int) Math.min(length, this.limit - before) : length;
			int n = this.in.read(buffer, offset, allowed);
			if (n > 0) {
				this.passed = before + n;
			}
			return n;
		}

	}

}
