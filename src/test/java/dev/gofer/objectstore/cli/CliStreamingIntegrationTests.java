package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.support.GoferCommandLine;
import dev.gofer.objectstore.support.GoferCommandLine.Result;
import dev.gofer.objectstore.support.GoferProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Objects several times larger than the client's heap go through it both ways: the client
 * streams files, stdin and downloads rather than holding them whole. The server is
 * started as users start it, with {@code gofer service start}.
 */
class CliStreamingIntegrationTests {

	private static final int SIZE = 48 << 20;

	private static final Map<String, String> SMALL_HEAP = Map.of("GOFER_JAVA_OPTS", "-Xmx16m");

	@TempDir
	static Path dir;

	private static GoferProcess server;

	private static GoferCommandLine gofer;

	private static byte[] content;

	@BeforeAll
	static void start() throws Exception {
		server = GoferProcess.start(List.of(Path.of("gofer").toAbsolutePath().toString(), "service", "start"),
				Map.of("JAVA_HOME", System.getProperty("java.home"), "GOFER_CLASSPATH",
						System.getProperty("java.class.path"), "GOFER_JAVA_OPTS", "-Xmx256m"),
				dir.resolve("data"), "--gofer.object-store.max-object-size=64MB");
		gofer = new GoferCommandLine("http://localhost:" + server.port(), dir);
		content = new byte[SIZE];
		new Random(7).nextBytes(content);
	}

	@AfterAll
	static void stop() throws InterruptedException {
		server.close();
	}

	@Test
	void largeFileGoesUpAndDownThroughASmallHeap() throws IOException {
		Path file = Files.write(dir.resolve("large.bin"), content);
		Result put = gofer.run(SMALL_HEAP, null, "pipeline", "object", "put", "p", "large", file.toString());
		assertThat(put.exitCode()).as(put.toString()).isZero();
		assertReadsBack("large");
	}

	@Test
	void largeStdinGoesUpThroughASmallHeap() {
		Result put = gofer.run(SMALL_HEAP, content, "pipeline", "object", "put", "p", "piped", "@");
		assertThat(put.exitCode()).as(put.toString()).isZero();
		assertReadsBack("piped");
	}

	private static void assertReadsBack(String key) {
		Result get = gofer.run(SMALL_HEAP, null, "pipeline", "object", "get", "p", key);
		assertThat(get.exitCode()).as(get.stderr()).isZero();
		assertThat(get.stdout()).hasSize(SIZE);
		assertThat(sha256(get.stdout())).isEqualTo(sha256(content));
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
