package dev.gofer.objectstore.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.GoferProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded mixed load from this process against a server in its own JVM with a small
 * heap: small writes that evict, reads, 16 MiB streams, run registrations that expire
 * objects, and writes that must never be lost. No 5xx, nothing acknowledged lost, and
 * heap, file descriptors and threads steady. Short in CI ({@code gofer.load.seconds}, 20
 * by default); the {@code soak} Maven profile runs it for ten minutes.
 */
class LoadProcessTests {

	private static final int SECONDS = Integer.getInteger("gofer.load.seconds", 20);

	private static final String NS = "/api/namespaces/load/pipelines/";

	@Test
	void mixedLoadLosesNothingAndLeaksNothing(@TempDir Path dataDir) throws Exception {
		try (GoferProcess server = GoferProcess.start(dataDir, List.of("-Xmx256m"),
				"--gofer.retention.reclaim-interval=2s", "--gofer.retention.reclaim-delay=1s")) {
			ApiClient api = server.api();
			api.patch(NS + "evicting", "{\"object_limit\": 20}");
			api.patch(NS + "runs", "{\"run_object_expiry\": 2}");
			api.patch(NS + "durable", "{\"object_limit\": 1000000}");
			for (int i = 0; i < 50; i++) {
				api.put(NS + "reads/objects/k" + i, "read me " + i);
			}
			runOnce(api, Duration.ofSeconds(3));
			Usage before = Usage.of(server);
			Result result = runOnce(api, Duration.ofSeconds(SECONDS));
			Usage after = Usage.of(server);
			System.out.printf(
					"LoadProcessTests: %d requests in %d s (%.0f/s), p99 %d ms, %d durable writes; "
							+ "heap after GC %d -> %d MiB, fds %d -> %d, threads %d -> %d%n",
					result.requestCount.get(), SECONDS, result.requestCount.get() / (double) SECONDS,
					result.p99Millis(), result.durable.size(), before.heapMiB, after.heapMiB, before.fds, after.fds,
					before.threads, after.threads);
			assertThat(result.failures).as("unexpected answers").isEmpty();
			result.durable
				.forEach((key, value) -> assertThat(api.get(NS + "durable/objects/" + key).text()).isEqualTo(value));
			assertThat(after.heapMiB).as("heap after GC, MiB").isLessThan(before.heapMiB + 64);
			assertThat(after.fds).as("open file descriptors").isLessThan(before.fds + 50);
			assertThat(after.threads).as("threads").isLessThan(before.threads + 50);
		}
	}

	private static Result runOnce(ApiClient api, Duration duration) throws Exception {
		Instant end = Instant.now().plus(duration);
		Result result = new Result();
		try (ExecutorService workers = Executors.newFixedThreadPool(9)) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				int id = i;
				running.add(workers.submit(() -> loop(end, result, round -> {
					Reply reply = api.put(NS + "evicting/objects/w" + id + "-" + round, new byte[1024]);
					return reply.status() == 201 ? null : reply;
				})));
			}
			for (int i = 0; i < 3; i++) {
				running.add(workers.submit(() -> loop(end, result, round -> {
					int key = round % 50;
					Reply reply = api.get(NS + "reads/objects/k" + key);
					return reply.status() == 200 && reply.text().equals("read me " + key) ? null : reply;
				})));
			}
			running.add(workers.submit(() -> loop(end, result, round -> {
				byte[] large = new byte[16 * 1024 * 1024];
				new Random(round).nextBytes(large);
				Reply put = api.put(NS + "streams/objects/big" + (round % 3), large);
				if (put.status() != 200 && put.status() != 201) {
					return put;
				}
				Reply get = api.get(NS + "streams/objects/big" + (round % 3));
				return get.status() == 200 && sha(get.bytes()).equals(sha(large)) ? null : get;
			})));
			running.add(workers.submit(() -> loop(end, result, round -> {
				Reply run = api.post(NS + "runs/runs", "");
				if (run.status() != 201) {
					return run;
				}
				long id = run.json().get("run").get("run_id").asLong();
				Reply put = api.put(NS + "runs/runs/" + id + "/objects/out", new byte[4096]);
				return put.status() == 201 ? null : put;
			})));
			running.add(workers.submit(() -> loop(end, result, round -> {
				String key = "d" + System.nanoTime();
				String value = "value of " + key;
				Reply reply = api.put(NS + "durable/objects/" + key, value);
				if (reply.status() != 201) {
					return reply;
				}
				result.durable.put(key, value);
				return null;
			})));
			for (Future<?> worker : running) {
				worker.get();
			}
		}
		return result;
	}

	private interface Step {

		Reply run(int round);

	}

	private static void loop(Instant end, Result result, Step step) {
		for (int round = 0; Instant.now().isBefore(end); round++) {
			long start = System.nanoTime();
			Reply unexpected;
			try {
				unexpected = step.run(round);
			}
			catch (RuntimeException ex) {
				result.failures.add(ex.toString());
				continue;
			}
			result.latencies.add((System.nanoTime() - start) / 1_000_000);
			result.requestCount.incrementAndGet();
			if (unexpected != null) {
				result.failures.add(unexpected.toString());
			}
		}
	}

	private static String sha(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Result {

		final AtomicInteger requestCount = new AtomicInteger();

		final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

		final Map<String, String> durable = new ConcurrentHashMap<>();

		long p99Millis() {
			List<Long> sorted = this.latencies.stream().sorted().toList();
			return sorted.isEmpty() ? 0 : sorted.get((int) Math.floor(sorted.size() * 0.99));
		}

	}

	/** Heap after a full GC, open file descriptors and threads of the server process. */
	private record Usage(long heapMiB, long fds, long threads) {

		static Usage of(GoferProcess server) throws IOException, InterruptedException {
			String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
			new ProcessBuilder(jcmd, String.valueOf(server.pid()), "GC.run").redirectErrorStream(true)
				.start()
				.waitFor();
			Process info = new ProcessBuilder(jcmd, String.valueOf(server.pid()), "GC.heap_info")
				.redirectErrorStream(true)
				.start();
			String heap = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			info.waitFor();
			Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
			long usedKiB = used.find() ? Long.parseLong(used.group(1)) : -1;
			assertThat(usedKiB).as("heap reading: " + heap).isPositive();
			long fds;
			try (var list = Files.list(Path.of("/proc", String.valueOf(server.pid()), "fd"))) {
				fds = list.count();
			}
			long threads = Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status"))
				.stream()
				.filter(line -> line.startsWith("Threads:"))
				.mapToLong(line -> Long.parseLong(line.substring(8).trim()))
				.findFirst()
				.orElse(-1);
			return new Usage(usedKiB / 1024, fds, threads);
		}

	}

}
