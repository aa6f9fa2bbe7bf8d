package dev.gofer.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.GeneratedContent;
import dev.gofer.objectstore.support.GoferProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 1 GiB object through a server whose heap is a quarter of that: memory must not grow
 * with the size of an object, neither on the way in nor on the way out.
 */
class LargeObjectProcessTests {

	private static final long SIZE = 1L << 30;

	private static final long SEED = 20_240_611L;

	private static final String PATH = "/api/namespaces/default/pipelines/big/objects/blob";

	@Test
	@Timeout(180)
	void oneGibibyteObjectRoundTripsThroughASmallHeap(@TempDir Path temp) throws Exception {
		// ExitOnOutOfMemoryError: an OOM anywhere in the server ends it, instead of
		// hiding in a thread.
		try (GoferProcess server = GoferProcess.start(temp.resolve("data"),
				List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), "--gofer.object-store.max-object-size=2GB")) {
			ApiClient api = server.api();

			GeneratedContent body = new GeneratedContent(SEED, SIZE);
			long started = System.nanoTime();
			Reply put = api.stream("PUT", PATH, () -> body, "Content-Type", "application/octet-stream");
			report("upload", started);
			String sha256 = body.sha256();
			assertThat(body.position()).isEqualTo(SIZE);
			assertThat(put.status()).as(put.toString()).isEqualTo(201);
			assertThat(put.json().at("/object/sha256").asString()).isEqualTo(sha256);
			assertThat(put.json().at("/object/size").asLong()).isEqualTo(SIZE);

			started = System.nanoTime();
			HttpResponse<InputStream> get = api.open(PATH);
			assertThat(get.statusCode()).isEqualTo(200);
			assertThat(get.headers().firstValue("Content-Length")).hasValue(Long.toString(SIZE));
			assertThat(get.headers().firstValue("ETag")).hasValue("\"" + sha256 + "\"");
			Download download = drain(get.body());
			report("download", started);
			assertThat(download.size()).isEqualTo(SIZE);
			assertThat(download.sha256()).isEqualTo(sha256);

			long rangeStart = 1_073_741_000L;
			HttpResponse<InputStream> range = api.open(PATH, "Range", "bytes=" + rangeStart + "-");
			assertThat(range.statusCode()).isEqualTo(206);
			assertThat(range.headers().firstValue("Content-Range"))
				.hasValue("bytes " + rangeStart + "-" + (SIZE - 1) + "/" + SIZE);
			try (InputStream tail = range.body()) {
				assertThat(tail.readAllBytes())
					.isEqualTo(GeneratedContent.bytesAt(SEED, rangeStart, (int) (SIZE - rangeStart)));
			}

			Reply health = api.get("/actuator/health");
			assertThat(health.status()).as("the server survived: " + server.log()).isEqualTo(200);
		}
	}

	private static Download drain(InputStream content) throws IOException {
		MessageDigest digest = GeneratedContent.sha256Digest();
		byte[] buffer = new byte[256 * 1024];
		long size = 0;
		try (content) {
			for (int n; (n = content.read(buffer)) >= 0;) {
				digest.update(buffer, 0, n);
				size += n;
			}
		}
		return new Download(size, HexFormat.of().formatHex(digest.digest()));
	}

	private static void report(String what, long startedNanos) {
		double seconds = (System.nanoTime() - startedNanos) / 1e9;
		System.out.printf("LargeObjectProcessTests: %s of %d bytes in %.1f s = %.1f MB/s%n", what, SIZE, seconds,
				SIZE / 1e6 / seconds);
	}

	private record Download(long size, String sha256) {

	}

}
