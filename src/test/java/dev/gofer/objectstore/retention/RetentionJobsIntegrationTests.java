package dev.gofer.objectstore.retention;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.catalog.InstanceRegistry;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled jobs' work, driven directly with a clock the test moves. Every object
 * goes to the engine here, however small ({@code inline-threshold=0}): inline objects
 * leave nothing to reclaim.
 */
@SpringBootTest(classes = { GoferApplication.class, RetentionJobsIntegrationTests.FixedClock.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gofer.retention.enabled=false", "gofer.retention.reclaim-delay=1m",
				"gofer.object-store.inline-threshold=0", "gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN,
				"gofer.retention.instance-lease=1m" })
class RetentionJobsIntegrationTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	@LocalServerPort
	int port;

	@Autowired
	ReclaimJob reclaim;

	@Autowired
	OrphanSweepJob sweep;

	@Autowired
	ObjectStore store;

	@Autowired
	InstanceRegistry instance;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("gofer-retention");
		registry.add("gofer.data-dir", dir::toString);
	}

	@BeforeEach
	void connect() {
		this.api = ApiClient.onPort(this.port);
		// Start each test from an empty backlog.
		advance(Duration.ofHours(1));
		this.reclaim.reclaim(100);
	}

	@Test
	void overwrittenBytesAreReclaimedOnlyAfterTheDelay() {
		String path = "/api/namespaces/default/pipelines/reclaim/objects/k";
		this.api.put(path, "first value");
		this.api.put(path, "second value");
		assertThat(garbageChunks()).isEqualTo(1);

		assertThat(this.reclaim.reclaim(100)).as("within the delay, downloads may still read it").isZero();
		assertThat(garbageChunks()).isEqualTo(1);

		advance(Duration.ofMinutes(2));
		assertThat(this.reclaim.reclaim(100)).isEqualTo(1);
		assertThat(garbageChunks()).isZero();
		assertThat(this.api.get(path).text()).isEqualTo("second value");
	}

	@Test
	void deletedEvictedAndExpiredBytesAreReclaimed() {
		String pipeline = "/api/namespaces/default/pipelines/everything";
		this.api.patch(pipeline, "{\"object_limit\": 1, \"run_object_expiry\": 1}");
		this.api.put(pipeline + "/objects/a", "a");
		this.api.put(pipeline + "/objects/b", "b");
		this.api.put(pipeline + "/objects/c", "c");
		this.api.delete(pipeline + "/objects/c");
		this.api.put(pipeline + "/runs/1/objects/r", "r");
		this.api.put(pipeline + "/runs/2", "");
		advance(Duration.ofMinutes(2));
		assertThat(this.reclaim.reclaim(2)).as("several batches").isEqualTo(4);
		assertThat(chunks()).isEqualTo(liveChunks());
	}

	@Test
	void uploadsOfADeadInstanceAreReclaimedAfterTheLease() throws IOException {
		long pending = pendingBlob("dead-instance");
		assertThat(this.reclaim.reclaim(100)).isZero();
		advance(Duration.ofSeconds(30));
		assertThat(this.reclaim.reclaim(100)).as("within the lease the upload may still be under way").isZero();

		advance(Duration.ofMinutes(2));
		assertThat(this.reclaim.reclaim(100)).isEqualTo(1);
		assertThat(this.store.open(pending, 0, 1)).isEmpty();
		assertThat(blobRows(pending)).isZero();
	}

	@Test
	void uploadsOfALiveInstanceAreKept() throws IOException {
		long pending = pendingBlob(this.instance.id());
		advance(Duration.ofMinutes(5));
		this.reclaim.reclaim(100);
		assertThat(this.store.open(pending, 0, 1)).isPresent();
		assertThat(blobRows(pending)).isEqualTo(1);
		// Tidy up the upload that never ends, for the tests that count chunks.
		this.store.delete(pending);
		this.jdbc.sql("DELETE FROM blobs WHERE id = :id").param("id", pending).update();
	}

	@Test
	void sweepDeletesBytesTheCatalogDoesNotKnow() throws IOException {
		String path = "/api/namespaces/default/pipelines/sweep/objects/k";
		this.api.put(path, "known");
		long orphan = 9_000_000_000L;
		this.store.write(orphan, new ByteArrayInputStream("orphan".getBytes()));
		assertThat(this.sweep.sweep(2)).isEqualTo(1);
		assertThat(this.store.open(orphan, 0, 6)).isEmpty();
		assertThat(this.api.get(path).text()).isEqualTo("known");
	}

	/**
	 * Moves time on, with this instance's heartbeat keeping up as the heartbeat job's
	 * would.
	 */
	private void advance(Duration duration) {
		clock.advance(duration);
		this.instance.heartbeat();
	}

	private long pendingBlob(String owner) throws IOException {
		long id = this.jdbc.sql("INSERT INTO blobs (state, owner, since) VALUES ('PENDING', :owner, :now) RETURNING id")
			.param("owner", owner)
			.param("now", clock.millis())
			.query(Long.class)
			.single();
		this.store.write(id, new ByteArrayInputStream("half an upload".getBytes()));
		return id;
	}

	private long blobRows(long id) {
		return this.jdbc.sql("SELECT count(*) FROM blobs WHERE id = :id").param("id", id).query(Long.class).single();
	}

	private long garbageChunks() {
		return this.jdbc.sql("""
				SELECT count(*) FROM blob_chunks c JOIN blobs b ON b.id = c.blob_id WHERE b.state = 'GARBAGE'""")
			.query(Long.class)
			.single();
	}

	private long chunks() {
		return this.jdbc.sql("SELECT count(*) FROM blob_chunks").query(Long.class).single();
	}

	private long liveChunks() {
		return this.jdbc.sql("""
				SELECT count(*) FROM blob_chunks c JOIN blobs b ON b.id = c.blob_id WHERE b.state = 'LIVE'""")
			.query(Long.class)
			.single();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FixedClock {

		@Bean
		@Primary
		Clock testClock() {
			return clock;
		}

	}

}
