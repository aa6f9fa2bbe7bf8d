package dev.gofer.objectstore.retention;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deletes, overwrites and the reclaim job (with no delay at all) race readers of the same
 * key: a reader gets a whole value whose bytes match its ETag, or 404, or a broken
 * connection — never a short or mixed body presented as complete.
 */
@SpringBootTest(classes = GoferApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gofer.retention.enabled=false", "gofer.retention.reclaim-delay=0s",
				"gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN,
				"gofer.object-store.database.chunk-size=16KB" })
class ReclaimRacingReadsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ReclaimJob reclaim;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws Exception {
		Path dir = Files.createTempDirectory("gofer-racing");
		registry.add("gofer.data-dir", dir::toString);
	}

	@Test
	void readersNeverSeeATruncatedOrMixedValue() throws Exception {
		ApiClient api = ApiClient.onPort(this.port);
		String path = "/api/namespaces/default/pipelines/racing/objects/key";
		Set<String> written = ConcurrentHashMap.newKeySet();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger whole = new AtomicInteger();
		AtomicInteger broken = new AtomicInteger();
		AtomicInteger wrong = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
			Future<?> writer = pool.submit(() -> {
				for (int round = 0; round < 30; round++) {
					byte[] value = new byte[400_000];
					Arrays.fill(value, (byte) round);
					written.add(sha(value));
					api.put(path, value);
					if (round % 3 == 0) {
						api.delete(path);
					}
				}
			});
			pool.submit(() -> {
				while (running.get()) {
					this.reclaim.reclaim(100);
					Thread.sleep(5);
				}
				return null;
			});
			for (int reader = 0; reader < 3; reader++) {
				pool.submit(() -> {
					while (running.get()) {
						try {
							Reply reply = api.get(path);
							if (reply.status() == 200) {
								String sha = sha(reply.bytes());
								boolean ok = reply.bytes().length == 400_000 && written.contains(sha)
										&& reply.header("ETag").equals("\"" + sha + "\"");
								(ok ? whole : wrong).incrementAndGet();
							}
							else if (reply.status() != 404) {
								wrong.incrementAndGet();
							}
						}
						catch (IllegalStateException ex) {
							broken.incrementAndGet();
						}
					}
				});
			}
			writer.get();
			running.set(false);
		}
		System.out.printf("ReclaimRacingReads: %d whole reads, %d broken connections, %d wrong%n", whole.get(),
				broken.get(), wrong.get());
		assertThat(wrong).hasValue(0);
		assertThat(whole.get()).isPositive();
	}

	private static String sha(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
