package dev.gofer.objectstore.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.GoferProcess;

import static dev.gofer.objectstore.reliability.Outage.await;
import static dev.gofer.objectstore.reliability.Outage.sleep;
import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is killed with SIGKILL, again and again, while uploads, overwrites,
 * evictions, run expiries and the reclaim job are all under way. After each restart the
 * catalog is consistent, nothing acknowledged is lost, and the jobs reclaim whatever the
 * kills left behind.
 */
class CrashChaosProcessTests {

	private static final int LIMIT = 4;

	private static final String[] OPTIONS = { "--gofer.retention.reclaim-interval=200ms",
			"--gofer.retention.reclaim-delay=0s", "--gofer.retention.sweep-interval=1s",
			"--gofer.retention.heartbeat-interval=200ms", "--gofer.retention.instance-lease=1s",
			"--gofer.object-store.database.chunk-size=64KB" };

	@Test
	void killsDuringEvictionsExpiryAndJobsLoseNothingAndLeaveNothing(@TempDir Path dataDir) throws Exception {
		Map<String, String> durable = new ConcurrentHashMap<>();
		Random random = new Random(42);
		for (int cycle = 0; cycle < 3; cycle++) {
			try (GoferProcess server = GoferProcess.start(dataDir, List.of("-Xmx256m"), OPTIONS)) {
				ApiClient api = server.api();
				assertAcknowledgedWritesReadBack(api, durable);
				api.patch("/api/namespaces/chaos/pipelines/evicting",
						"{\"object_limit\": " + LIMIT + ", \"run_object_expiry\": 1}");
				api.patch("/api/namespaces/chaos/pipelines/durable", "{\"object_limit\": 100000}");
				AtomicBoolean running = new AtomicBoolean(true);
				try (ExecutorService load = Executors.newFixedThreadPool(4)) {
					load.submit(
							() -> write(api, running, "/api/namespaces/chaos/pipelines/evicting/objects/e", 300_000));
					load.submit(() -> write(api, running, "/api/namespaces/chaos/pipelines/evicting/runs/%d/objects/r",
							50_000));
					load.submit(() -> writeDurably(api, running, durable));
					sleep(1000 + random.nextInt(1500));
					server.kill();
					running.set(false);
				}
			}
			new CatalogInvariants(dataDir).assertConsistent(50);
		}
		try (GoferProcess server = GoferProcess.start(dataDir, List.of("-Xmx256m"), OPTIONS)) {
			ApiClient api = server.api();
			assertAcknowledgedWritesReadBack(api, durable);
			assertThat(keys(api.get("/api/namespaces/chaos/pipelines/evicting/objects")).size())
				.isLessThanOrEqualTo(LIMIT);
			CatalogInvariants catalog = new CatalogInvariants(dataDir);
			await("the jobs reclaiming what the kills left", Duration.ofSeconds(30), catalog::isReclaimed);
			catalog.assertConsistent(50);
			assertAcknowledgedWritesReadBack(api, durable);
		}
		assertThat(durable).as("acknowledged writes").hasSizeGreaterThan(5);
	}

	/**
	 * Keeps writing under keys from a small pool, so overwrites, evictions and expiries
	 * happen.
	 */
	private static void write(ApiClient api, AtomicBoolean running, String pathPattern, int size) {
		int round = 0;
		while (running.get()) {
			String path = pathPattern.contains("%d") ? String.format(pathPattern, 1 + round / 3) : pathPattern;
			try {
				api.put(path + (round % 7), new byte[size + round]);
			}
			catch (IllegalStateException ex) {
				return; // the server is gone
			}
			round++;
		}
	}

	/**
	 * Unique keys in a pipeline that never evicts: each acknowledged one must survive
	 * every kill.
	 */
	private static void writeDurably(ApiClient api, AtomicBoolean running, Map<String, String> durable) {
		while (running.get()) {
			String key = "d" + System.nanoTime();
			String value = "durable " + key;
			try {
				Reply reply = api.put("/api/namespaces/chaos/pipelines/durable/objects/" + key, value);
				if (reply.status() == 201) {
					durable.put(key, value);
				}
			}
			catch (IllegalStateException ex) {
				return;
			}
		}
	}

	private static void assertAcknowledgedWritesReadBack(ApiClient api, Map<String, String> durable) {
		durable.forEach(
				(key, value) -> assertThat(api.get("/api/namespaces/chaos/pipelines/durable/objects/" + key).text())
					.as(key)
					.isEqualTo(value));
	}

}
