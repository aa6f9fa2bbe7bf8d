package dev.gofer.objectstore.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.gofer.objectstore.support.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite and PostgreSQL migrations build the same tables with the same columns,
 * nullable alike.
 */
class MigrationEquivalenceTests {

	@Test
	void bothVendorsHaveTheSameMigrationVersions() throws Exception {
		assertThat(versions("sqlite")).isEqualTo(versions("postgresql")).isNotEmpty();
	}

	@Test
	void bothVendorsBuildTheSameSchema(@TempDir Path directory) throws SQLException {
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + directory.resolve("catalog.db"));
		DataSource postgres = DataSourceBuilder.create().url(PostgresServer.newDatabase()).build();
		assertThat(schema(migrate(sqlite, "sqlite"))).isEqualTo(schema(migrate(postgres, "postgresql")))
			.containsOnlyKeys("pipelines", "runs", "objects", "blobs", "blob_chunks", "instances", "tokens",
					"job_leases");
	}

	private static DataSource migrate(DataSource dataSource, String vendor) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
		return dataSource;
	}

	/**
	 * Each table's columns, a nullable one marked with {@code ?}. Primary key columns
	 * count as not null: SQLite lets a non-integer primary key hold NULL unless it says
	 * NOT NULL, but the service never writes one.
	 */
	private static Map<String, Set<String>> schema(DataSource dataSource) throws SQLException {
		Map<String, Set<String>> tables = new TreeMap<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet columns = connection.getMetaData().getColumns(null, null, "%", "%")) {
			while (columns.next()) {
				String table = columns.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				String schema = columns.getString("TABLE_SCHEM");
				boolean system = table.startsWith("sqlite_") || table.equals("flyway_schema_history")
						|| (schema != null && !schema.equals("public"));
				if (!system) {
					String column = columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
					boolean nullable = "YES".equals(columns.getString("IS_NULLABLE"))
							&& !primaryKey(connection, columns.getString("TABLE_NAME")).contains(column);
					tables.computeIfAbsent(table, name -> new TreeSet<>()).add(column + (nullable ? "?" : ""));
				}
			}
		}
		return tables;
	}

	private static Set<String> primaryKey(Connection connection, String table) throws SQLException {
		Set<String> columns = new TreeSet<>();
		try (ResultSet keys = connection.getMetaData().getPrimaryKeys(null, null, table)) {
			while (keys.next()) {
				columns.add(keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return columns;
	}

	private static Set<String> versions(String vendor) throws Exception {
		Set<String> versions = new TreeSet<>();
		for (var resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/" + vendor + "/V*.sql")) {
			versions.add(resource.getFilename());
		}
		return versions;
	}

}
