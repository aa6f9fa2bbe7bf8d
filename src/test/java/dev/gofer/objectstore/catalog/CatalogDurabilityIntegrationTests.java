package dev.gofer.objectstore.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On SQLite, commits are not synced one by one: a write is acknowledged only after a sync
 * of the write-ahead log that came after it. (The retention jobs are off in this context,
 * so nothing else syncs.)
 */
class CatalogDurabilityIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void anUploadIsAcknowledgedAfterASyncedCommit() {
		long before = mark();
		String objects = "/api/namespaces/default/pipelines/" + unique("durable") + "/objects/";
		assertThat(this.api.put(objects + "k", "value").status()).isEqualTo(201);
		assertThat(mark()).isGreaterThan(before);
	}

	@Test
	void aNewTokenIsAcknowledgedAfterASyncedCommit() {
		long before = mark();
		assertThat(this.api.post("/api/tokens", """
				{"namespaces": ["*"], "pipelines": ["*"], "actions": ["read"]}""", "Content-Type", "application/json")
			.status()).isEqualTo(201);
		assertThat(mark()).isGreaterThan(before);
	}

	@Test
	void readsSyncNothing() {
		String objects = "/api/namespaces/default/pipelines/" + unique("durable") + "/objects/";
		this.api.put(objects + "k", "value");
		long before = mark();
		assertThat(this.api.get(objects + "k").status()).isEqualTo(200);
		assertThat(this.api.get(objects.substring(0, objects.length() - 1)).status()).isEqualTo(200);
		assertThat(mark()).isEqualTo(before);
	}

	@Test
	void poolConnectionsLeaveSyncingToTheGroupCommit() {
		// 1 = NORMAL: the pool's commits append to the log; the group commit syncs it.
		assertThat(this.jdbc.sql("PRAGMA synchronous").query(Integer.class).single()).isEqualTo(1);
		assertThat(this.jdbc.sql("PRAGMA journal_mode").query(String.class).single()).isEqualToIgnoringCase("wal");
	}

	@Test
	void concurrentUploadsCommitThroughTheBatchWriter() throws Exception {
		String objects = "/api/namespaces/default/pipelines/" + unique("batched") + "/objects/";
		double before = this.meters.get("gofer.catalog.commit.batched").counter().count();
		int uploads = 16;
		try (ExecutorService threads = Executors.newFixedThreadPool(uploads)) {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < uploads; i++) {
				String key = "k" + i;
				statuses.add(threads.submit(() -> this.api.put(objects + key, "value of " + key).status()));
			}
			for (Future<Integer> status : statuses) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		assertThat(this.meters.get("gofer.catalog.commit.batched").counter().count() - before).isEqualTo(uploads);
		for (int i = 0; i < uploads; i++) {
			assertThat(this.api.get(objects + "k" + i).text()).isEqualTo("value of k" + i);
		}
	}

	/** Syncs of the log so far. */
	private long mark() {
		return (long) this.meters.get("gofer.catalog.syncs").counter().count();
	}

}
