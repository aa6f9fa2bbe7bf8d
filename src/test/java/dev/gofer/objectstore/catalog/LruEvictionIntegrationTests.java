package dev.gofer.objectstore.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PrometheusScrape;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pipeline's eviction order: {@code oldest} by {@code created}, or {@code lru} by last
 * read or write, set by PATCH and shown in the summary; and reads that record their use
 * without a catalog write each, written later by one flush transaction. Runs on SQLite
 * here and on PostgreSQL in a subclass.
 */
class LruEvictionIntegrationTests extends IntegrationTest {

	@Autowired
	LastUseFlusher flusher;

	@Autowired
	DataSource dataSource;

	private String pipeline;

	@BeforeEach
	void pipeline() {
		this.pipeline = "/api/namespaces/" + unique("lru") + "/pipelines/app";
	}

	@Test
	void anLruPipelineEvictsTheLeastRecentlyReadObjectNotTheOldest() {
		setUp("lru");
		this.api.get(this.pipeline + "/objects/a");
		awaitNextMillisecond();
		Reply d = this.api.put(this.pipeline + "/objects/d", "d");
		assertThat(keys(d.json().get("evicted"))).containsExactly("b");
		// A HEAD is a use too: tools ask whether an entry exists because they rely on it.
		this.api.head(this.pipeline + "/objects/c");
		awaitNextMillisecond();
		Reply e = this.api.put(this.pipeline + "/objects/e", "e");
		assertThat(keys(e.json().get("evicted"))).containsExactly("a");
		assertThat(keys(this.api.get(this.pipeline + "/objects").json().get("objects"))).containsExactly("c", "d", "e");
	}

	@Test
	void anOldestPipelineEvictsTheOldestWhateverWasRead() {
		setUp("oldest");
		this.api.get(this.pipeline + "/objects/a");
		awaitNextMillisecond();
		assertThat(keys(this.api.put(this.pipeline + "/objects/d", "d").json().get("evicted"))).containsExactly("a");
	}

	@Test
	void aFlushedReadCountsAsAUseToo() {
		setUp("lru");
		this.api.get(this.pipeline + "/objects/a");
		assertThat(this.flusher.flush()).isGreaterThanOrEqualTo(1);
		awaitNextMillisecond();
		assertThat(keys(this.api.put(this.pipeline + "/objects/d", "d").json().get("evicted"))).containsExactly("b");
	}

	@Test
	void theSummaryShowsTheEvictionOrderAndPatchChangesIt() {
		assertThat(
				this.api.patch(this.pipeline, "{\"object_limit\":5}").json().get("pipeline").get("eviction").asString())
			.isEqualTo("oldest");
		assertThat(this.api.patch(this.pipeline, "{\"eviction\":\"lru\"}")
			.json()
			.get("pipeline")
			.get("eviction")
			.asString()).isEqualTo("lru");
		assertThat(
				this.api.patch(this.pipeline, "{\"object_limit\":6}").json().get("pipeline").get("eviction").asString())
			.as("an absent field keeps it")
			.isEqualTo("lru");
		assertThat(this.api.get(this.pipeline).json().get("pipeline").get("eviction").asString()).isEqualTo("lru");
		assertThat(
				this.api.patch(this.pipeline, "{\"eviction\":null}").json().get("pipeline").get("eviction").asString())
			.as("null returns to the default")
			.isEqualTo("oldest");
		for (String bad : List.of("{\"eviction\":\"fifo\"}", "{\"eviction\":1}", "{\"eviction\":\"LRU\"}",
				"{\"eviction\":[\"lru\"]}")) {
			Reply refused = this.api.patch(this.pipeline, bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("detail").asString()).contains("eviction");
		}
		assertThat(this.api.get(this.pipeline).json().get("pipeline").get("eviction").asString()).isEqualTo("oldest");
	}

	@Test
	void readsWriteNothingUntilTheFlushWhichIsOneTransaction() throws SQLException {
		setUp("lru");
		this.flusher.flush();
		try (Connection connection = this.dataSource.getConnection()) {
			long lastUsed = lastUsed(connection, "a");
			long writesBefore = writeCounter(connection);
			for (int i = 0; i < 50; i++) {
				assertThat(this.api.get(this.pipeline + "/objects/a").status()).isEqualTo(200);
				assertThat(this.api.get(this.pipeline + "/objects/b").status()).isEqualTo(200);
			}
			assertThat(writeCounter(connection) - writesBefore).as("write transactions during 100 reads")
				.isEqualTo(readsOnlyDelta());
			assertThat(lastUsed(connection, "a")).isEqualTo(lastUsed);

			double flushesBefore = PrometheusScrape.of(this.api).value("gofer_catalog_last_use_flushes_total");
			long beforeFlush = writeCounter(connection);
			assertThat(this.flusher.flush()).isEqualTo(2);
			assertOneWrite(writeCounter(connection) - beforeFlush);
			assertThat(PrometheusScrape.of(this.api).value("gofer_catalog_last_use_flushes_total") - flushesBefore)
				.isEqualTo(1);
			assertThat(lastUsed(connection, "a")).isGreaterThan(lastUsed);
		}
	}

	/** A pipeline of three objects a, b, c written in that order, full at 3. */
	private void setUp(String eviction) {
		this.api.patch(this.pipeline, "{\"object_limit\":3,\"eviction\":\"" + eviction + "\"}");
		for (String key : List.of("a", "b", "c")) {
			assertThat(this.api.put(this.pipeline + "/objects/" + key, key).status()).isEqualTo(201);
			awaitNextMillisecond();
		}
	}

	/**
	 * Waits until the clock has moved past the last write, so that the next write or read
	 * is later by at least a millisecond.
	 */
	private static void awaitNextMillisecond() {
		long start = System.currentTimeMillis();
		while (System.currentTimeMillis() <= start + 1) {
			Thread.onSpinWait();
		}
	}

	private static List<String> keys(JsonNode array) {
		return array.valueStream().map(node -> node.isString() ? node.asString() : node.get("key").asString()).toList();
	}

	private long lastUsed(Connection connection, String key) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT last_used FROM objects WHERE scope = ? AND object_key = ?")) {
			statement.setString(1, "p/" + this.pipeline.replace("/api/namespaces/", "").replace("/pipelines/", "/"));
			statement.setString(2, key);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).isTrue();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * A number that grows with the write transactions other connections commit: SQLite's
	 * {@code data_version} changes when another connection has committed since it was
	 * last read; on PostgreSQL, see the subclass.
	 */
	long writeCounter(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("PRAGMA data_version")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** How much {@link #writeCounter} moves with no write in between. */
	long readsOnlyDelta() {
		return 0;
	}

	/**
	 * Asserts that {@link #writeCounter} moved by one write transaction; SQLite's only
	 * says that there were some.
	 */
	void assertOneWrite(long delta) {
		assertThat(delta).as("the flush committed").isPositive();
	}

}
