package dev.gofer.objectstore.catalog.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.catalog.CatalogProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pool's writers leave checkpoints to the background: their commits only append to
 * the write-ahead log, and the checkpointer copies it into the database file on its own
 * thread.
 */
class SqliteCheckpointerTests {

	private static final int MIB = 1024 * 1024;

	@TempDir
	Path directory;

	private HikariDataSource pool;

	private SqliteCheckpointer checkpointer;

	@BeforeEach
	void open() {
		String url = "jdbc:sqlite:" + this.directory.resolve("catalog.db");
		this.pool = new HikariDataSource();
		this.pool.setJdbcUrl(url);
		this.pool.setDataSource(SqliteCatalog.poolDataSource(url, Duration.ofSeconds(5)));
		this.checkpointer = new SqliteCheckpointer(this.pool, new CatalogProperties(Duration.ofSeconds(5)));
	}

	@AfterEach
	void close() {
		this.checkpointer.stop();
		this.pool.close();
	}

	@Test
	void writersOnlyAppendToTheLogAndTheCheckpointerCopiesIt() throws SQLException {
		// 8 MiB: past SQLite's own threshold of 1000 pages (4 MiB), at which a writer
		// would have
		// copied the log into the database file itself.
		insertMebibytes(8);
		assertThat(Files.exists(log())).isTrue();
		assertThat(size(database())).as("the database file, before any checkpoint").isLessThan(MIB);
		assertThat(size(log())).isGreaterThan(8L * MIB);

		this.checkpointer.start();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(size(database())).isGreaterThan(8L * MIB));
	}

	@Test
	void onACatalogOtherThanSqliteItDoesNothing() {
		SqliteCheckpointer none = new SqliteCheckpointer(new HikariDataSource(),
				new CatalogProperties(Duration.ofSeconds(1)));
		none.start();
		assertThat(none.isRunning()).isFalse();
	}

	private void insertMebibytes(int count) throws SQLException {
		try (Connection connection = this.pool.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE chunks (data BLOB NOT NULL)");
			}
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO chunks (data) VALUES (?)")) {
				for (int i = 0; i < count; i++) {
					insert.setBytes(1, new byte[MIB]);
					insert.executeUpdate();
				}
			}
		}
	}

	private Path database() {
		return this.directory.resolve("catalog.db");
	}

	private Path log() {
		return this.directory.resolve("catalog.db-wal");
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
