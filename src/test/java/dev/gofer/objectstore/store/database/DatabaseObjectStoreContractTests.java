package dev.gofer.objectstore.store.database;

import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.catalog.sqlite.WriteGate;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreContractTests;
import dev.gofer.objectstore.support.PostgresServer;

/** The database engine on both catalogs it runs on. */
class DatabaseObjectStoreContractTests {

	/** Small chunks, so that the contract's blobs span many of them. */
	private static final int CHUNK = 64 * 1024;

	@Nested
	class OnSqlite extends ObjectStoreContractTests {

		@TempDir
		Path directory;

		@Override
		protected ObjectStore createStore() {
			SQLiteDataSource dataSource = new SQLiteDataSource();
			dataSource.setUrl("jdbc:sqlite:" + this.directory.resolve("catalog.db"));
			return store(dataSource, "sqlite");
		}

	}

	@Nested
	class OnPostgres extends ObjectStoreContractTests {

		@Override
		protected ObjectStore createStore() {
			return store(DataSourceBuilder.create().url(PostgresServer.newDatabase()).build(), "postgresql");
		}

	}

	private static ObjectStore store(DataSource dataSource, String vendor) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
		return new DatabaseObjectStore(JdbcClient.create(dataSource), WriteGate.serializing(Duration.ofSeconds(10)),
				CHUNK);
	}

}
