package dev.gofer.objectstore;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.catalog.JobLease;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PostgresServer;
import dev.gofer.objectstore.support.S3Server;

import static dev.gofer.objectstore.support.Listings.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service on one PostgreSQL catalog and one S3 bucket behave as one
 * store: writes on either are read on both at once, the pipeline limit holds for writers
 * on both, run ids stay distinct, jobs take turns, and once the jobs have run, the bucket
 * holds exactly the bytes of the objects that exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiReplicaIntegrationTests {

	private static final int LIMIT = 5;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static ApiClient a;

	private static ApiClient b;

	private static String bucket;

	@BeforeAll
	static void startTwoReplicas() throws Exception {
		List<String> shared = new ArrayList<>();
		shared.add("spring.datasource.url=" + PostgresServer.newDatabase());
		List<String> s3 = S3Server.engineProperties();
		shared.addAll(s3);
		bucket = s3.stream()
			.filter(p -> p.startsWith("gofer.object-store.s3.bucket="))
			.findFirst()
			.orElseThrow()
			.substring("gofer.object-store.s3.bucket=".length());
		shared.addAll(List.of("gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN, "server.port=0",
				"gofer.retention.reclaim-interval=300ms", "gofer.retention.reclaim-delay=0s",
				"gofer.retention.sweep-interval=1s", "gofer.retention.heartbeat-interval=200ms",
				// Values under 8 bytes live in the catalog, longer ones in the bucket:
				// both kinds.
				"gofer.object-store.inline-threshold=8B"));
		first = start(shared);
		second = start(shared);
		a = ApiClient.onPort(port(first));
		b = ApiClient.onPort(port(second));
	}

	@AfterAll
	static void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
	}

	@Test
	@Order(1)
	void writesOnOneReplicaAreReadOnTheOtherAtOnce() {
		String objects = "/api/namespaces/ha/pipelines/read-your-writes/objects";
		assertThat(a.put(objects + "/k", "from a").status()).isEqualTo(201);
		assertThat(b.get(objects + "/k").text()).isEqualTo("from a");
		assertThat(b.put(objects + "/k", "from b").status()).isEqualTo(200);
		assertThat(a.get(objects + "/k").text()).isEqualTo("from b");
		assertThat(a.delete(objects + "/k").status()).isEqualTo(204);
		assertThat(b.get(objects + "/k").status()).isEqualTo(404);
		a.patch("/api/namespaces/ha/pipelines/read-your-writes", "{\"object_limit\": 7}");
		assertThat(b.get("/api/namespaces/ha/pipelines/read-your-writes")
			.json()
			.get("pipeline")
			.get("object_limit")
			.asInt()).isEqualTo(7);
	}

	@Test
	@Order(2)
	void writersOnBothReplicasNeverPushAPipelineOverItsLimit() throws Exception {
		String pipeline = "/api/namespaces/ha/pipelines/limit";
		a.patch(pipeline, "{\"object_limit\": " + LIMIT + "}");
		Set<String> written = ConcurrentHashMap.newKeySet();
		Set<String> evicted = ConcurrentHashMap.newKeySet();
		AtomicInteger overLimit = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
			List<Future<?>> writers = new ArrayList<>();
			for (int writer = 0; writer < 8; writer++) {
				ApiClient replica = writer % 2 == 0 ? a : b;
				int id = writer;
				writers.add(pool.submit(() -> {
					for (int i = 0; i < 20; i++) {
						String key = "w" + id + "-" + i;
						Reply reply = replica.put(pipeline + "/objects/" + key, "value of " + key);
						assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
						written.add(key);
						reply.json().get("evicted").forEach(node -> evicted.add(node.asString()));
					}
				}));
			}
			for (ApiClient replica : List.of(a, b)) {
				writers.add(pool.submit(() -> {
					while (writing.get()) {
						if (keys(replica.get(pipeline + "/objects")).size() > LIMIT) {
							overLimit.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> writer : writers.subList(0, 8)) {
				writer.get();
			}
			writing.set(false);
			for (Future<?> watcher : writers.subList(8, 10)) {
				watcher.get();
			}
		}
		assertThat(overLimit).hasValue(0);
		List<String> remaining = keys(b.get(pipeline + "/objects"));
		assertThat(remaining).hasSize(LIMIT).doesNotContainAnyElementsOf(evicted);
		Set<String> accounted = new TreeSet<>(evicted);
		accounted.addAll(remaining);
		assertThat(accounted).isEqualTo(new TreeSet<>(written));
		for (String key : remaining) {
			assertThat(a.get(pipeline + "/objects/" + key).text()).isEqualTo("value of " + key);
		}
	}

	@Test
	@Order(3)
	void runsRegisteredThroughBothReplicasGetDistinctIds() throws Exception {
		String runs = "/api/namespaces/ha/pipelines/runs/runs";
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
			List<Future<?>> starters = new ArrayList<>();
			for (int starter = 0; starter < 4; starter++) {
				ApiClient replica = starter % 2 == 0 ? a : b;
				starters.add(pool.submit(() -> {
					for (int i = 0; i < 10; i++) {
						ids.add(replica.post(runs, "").json().get("run").get("run_id").asLong());
					}
				}));
			}
			for (Future<?> starter : starters) {
				starter.get();
			}
		}
		assertThat(ids).hasSize(40).allMatch(id -> id >= 1 && id <= 40);
	}

	@Test
	@Order(4)
	void racingFirstWritesOfAnExtensionKeyBothSucceedAndOneWins() throws Exception {
		String objects = "/api/extensions/ha-ext/objects";
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (int round = 0; round < 15; round++) {
				String key = "/k" + round;
				Future<Reply> fromA = pool.submit(() -> a.put(objects + key, "a"));
				Future<Reply> fromB = pool.submit(() -> b.put(objects + key, "b"));
				assertThat(fromA.get().status()).as(fromA.get().toString()).isIn(200, 201);
				assertThat(fromB.get().status()).as(fromB.get().toString()).isIn(200, 201);
				assertThat(a.get(objects + key).text()).isIn("a", "b");
			}
		}
		assertThat(keys(b.get(objects))).hasSize(15);
	}

	@Test
	@Order(5)
	void aJobRunsOnOneReplicaPerInterval() {
		JobLease onFirst = first.getBean(JobLease.class);
		JobLease onSecond = second.getBean(JobLease.class);
		assertThat(onFirst.tryAcquire("multi-replica-test", Duration.ofMinutes(5))).isTrue();
		assertThat(onSecond.tryAcquire("multi-replica-test", Duration.ofMinutes(5))).isFalse();
		assertThat(onFirst.tryAcquire("multi-replica-test", Duration.ofMinutes(5))).isFalse();
	}

	@Test
	@Order(6)
	void afterTheJobsRunTheBucketHoldsExactlyTheLiveBytes() {
		JdbcClient catalog = first.getBean(JdbcClient.class);
		// The jobs run on their own intervals, on whichever replica takes the lease.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			Set<String> live = new TreeSet<>(catalog.sql("SELECT id FROM blobs WHERE state = 'LIVE'")
				.query(Long.class)
				.list()
				.stream()
				.map(id -> String.format("blobs/%016x", id))
				.toList());
			assertThat(leftovers(catalog)).as("garbage or pending blobs left").isZero();
			assertThat(bucketKeys()).as("bytes in the bucket vs live blobs in the catalog").isEqualTo(live);
			assertThat(live).isNotEmpty();
		});
	}

	private static long leftovers(JdbcClient catalog) {
		return catalog.sql("SELECT count(*) FROM blobs WHERE state <> 'LIVE'").query(Long.class).single();
	}

	private static Set<String> bucketKeys() {
		try (S3Client client = S3Server.client()) {
			Set<String> keys = new TreeSet<>();
			client.listObjectsV2Paginator(r -> r.bucket(bucket).prefix("blobs/")).contents().forEach(object -> {
				if (!object.key().endsWith("/")) {
					keys.add(object.key());
				}
			});
			return keys;
		}
	}

	private static ConfigurableApplicationContext start(List<String> properties) throws Exception {
		List<String> args = new ArrayList<>();
		properties.forEach(property -> args.add("--" + property));
		args.add("--gofer.data-dir=" + Files.createTempDirectory("gofer-replica"));
		return new SpringApplicationBuilder(GoferApplication.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
