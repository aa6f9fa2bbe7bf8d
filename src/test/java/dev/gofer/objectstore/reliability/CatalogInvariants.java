package dev.gofer.objectstore.reliability;

import java.nio.file.Path;
import java.util.List;

import org.sqlite.SQLiteDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a SQLite catalog from outside the service and checks what must always hold in it,
 * whatever happened to the service.
 */
final class CatalogInvariants {

	private final JdbcClient jdbc;

	CatalogInvariants(Path dataDir) {
		SQLiteDataSource dataSource = new SQLiteDataSource();
		dataSource.setUrl("jdbc:sqlite:" + dataDir.resolve("gofer.db"));
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Counters match the objects, no pipeline is over its limit, every object has its
	 * bytes.
	 */
	void assertConsistent(int defaultObjectLimit) {
		List<String> counterMismatches = this.jdbc.sql("""
				SELECT p.namespace_id || '/' || p.pipeline_id FROM pipelines p
				WHERE p.object_count <> (SELECT count(*) FROM objects o
				                         WHERE o.scope = 'p/' || p.namespace_id || '/' || p.pipeline_id)
				   OR p.bytes <> (SELECT coalesce(sum(o.size), 0) FROM objects o
				                    WHERE o.scope = 'p/' || p.namespace_id || '/' || p.pipeline_id)""")
			.query(String.class)
			.list();
		assertThat(counterMismatches).as("pipelines whose counters disagree with their objects").isEmpty();
		List<String> overLimit = this.jdbc
			.sql("SELECT pipeline_id FROM pipelines WHERE object_count > coalesce(object_limit, :limit)")
			.param("limit", defaultObjectLimit)
			.query(String.class)
			.list();
		assertThat(overLimit).as("pipelines over their object limit").isEmpty();
		long withoutLiveBlob = this.jdbc.sql("""
				SELECT count(*) FROM objects o LEFT JOIN blobs b ON b.id = o.blob_id
				WHERE o.blob_id IS NOT NULL AND (b.id IS NULL OR b.state <> 'LIVE')""").query(Long.class).single();
		assertThat(withoutLiveBlob).as("objects whose blob is not live").isZero();
		long badInline = this.jdbc.sql("""
				SELECT count(*) FROM objects
				WHERE (blob_id IS NULL) = (content IS NULL) OR (content IS NOT NULL AND length(content) <> size)""")
			.query(Long.class)
			.single();
		assertThat(badInline).as("objects with both or neither of a blob and inline content, or a wrong size").isZero();
		long unreferenced = this.jdbc.sql("""
				SELECT count(*) FROM blobs b WHERE b.state = 'LIVE'
				AND NOT EXISTS (SELECT 1 FROM objects o WHERE o.blob_id = b.id)""").query(Long.class).single();
		assertThat(unreferenced).as("live blobs that no object points at").isZero();
		long withoutBytes = this.jdbc.sql("""
				SELECT count(*) FROM blobs b WHERE b.state = 'LIVE'
				AND NOT EXISTS (SELECT 1 FROM blob_chunks c WHERE c.blob_id = b.id AND c.offset_bytes = 0)""")
			.query(Long.class)
			.single();
		assertThat(withoutBytes).as("live blobs without bytes").isZero();
	}

	/**
	 * Whether the jobs have reclaimed everything: no pending or garbage blobs, no stray
	 * chunks.
	 */
	boolean isReclaimed() {
		long leftovers = this.jdbc.sql("SELECT count(*) FROM blobs WHERE state <> 'LIVE'").query(Long.class).single();
		long strayChunks = this.jdbc.sql("""
				SELECT count(*) FROM blob_chunks c
				WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.id = c.blob_id AND b.state = 'LIVE')""")
			.query(Long.class)
			.single();
		return leftovers == 0 && strayChunks == 0;
	}

}
