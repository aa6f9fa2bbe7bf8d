package dev.gofer.objectstore.catalog;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.support.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a PostgreSQL database whose collation is a language's (as {@code en_US.UTF-8}
 * databases are), V9 gives ids and keys byte order, so that listings sort as on SQLite
 * and a prefix is an index range that misses no key. The test database's own default is
 * {@code C.UTF-8}, so the columns are given ICU's {@code en-US} collation first, as such
 * a database would have them.
 */
class ByteOrderMigrationTests {

	@Test
	void idsAndKeysCompareByteByByteAfterV9() {
		DataSource dataSource = DataSourceBuilder.create().url(PostgresServer.newDatabase()).build();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		flyway(dataSource).target("7").load().migrate();
		for (String column : List.of("pipelines.namespace_id", "pipelines.pipeline_id", "objects.object_key")) {
			String[] parts = column.split("\\.");
			jdbc.sql("ALTER TABLE " + parts[0] + " ALTER COLUMN " + parts[1] + " TYPE TEXT COLLATE \"en-US-x-icu\"")
				.update();
		}
		List<String> ids = List.of("p_1", "pa", "p-1", "pA", "p1");
		ids.forEach(id -> jdbc.sql("INSERT INTO pipelines (namespace_id, pipeline_id) VALUES ('ns', :id)")
			.param("id", id)
			.update());
		assertThat(order(jdbc)).as("a language's order first").isNotEqualTo(List.of("p-1", "p1", "pA", "p_1", "pa"));

		flyway(dataSource).load().migrate();
		assertThat(order(jdbc)).containsExactly("p-1", "p1", "pA", "p_1", "pa");
		assertThat(jdbc.sql("SELECT pipeline_id FROM pipelines WHERE pipeline_id >= 'p_' AND pipeline_id < 'p_~'")
			.query(String.class)
			.list()).containsExactly("p_1");
	}

	private static List<String> order(JdbcClient jdbc) {
		return jdbc.sql("SELECT pipeline_id FROM pipelines ORDER BY pipeline_id").query(String.class).list();
	}

	private static FluentConfiguration flyway(DataSource dataSource) {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/postgresql");
	}

}
