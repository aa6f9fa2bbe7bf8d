package dev.gofer.objectstore.catalog.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.error.UnavailableException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The group commit's sync on real SQLite files: it keeps and syncs the log that commits
 * go to.
 */
class SqliteWalSyncTests {

	@TempDir
	Path directory;

	private Path database;

	private String url;

	private SqliteWalSync sync;

	@BeforeEach
	void createDatabase() throws SQLException {
		this.database = this.directory.resolve("catalog.db");
		this.url = "jdbc:sqlite:" + this.database;
		this.sync = new SqliteWalSync(this.url, Duration.ofSeconds(5));
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE t (v INTEGER)");
		}
	}

	@AfterEach
	void close() {
		this.sync.close();
	}

	@Test
	void theLogStaysInPlaceWhenEveryOtherConnectionCloses() throws Exception {
		insert(0);
		assertThat(log()).as("SQLite's own behaviour: the last connection deletes the log").doesNotExist();
		this.sync.run();
		Object log = fileKey(log());
		insert(1);
		// The last pool connection closed: without the sync's own connection, SQLite
		// would have
		// copied the log into the database and deleted it, and the next commit would go
		// to a new
		// log that the sync's channel does not reach.
		assertThat(log()).exists();
		assertThat(fileKey(log())).isEqualTo(log);
		insert(2);
		this.sync.run();
		assertThat(fileKey(log())).isEqualTo(log);
		assertThat(Files.size(log())).as("both commits are in the log the sync holds").isPositive();
	}

	@Test
	void aLogReplacedBehindSqlitesBackFailsTheSyncUntilItIsBack() throws Exception {
		this.sync.run();
		try (Connection pool = connect()) {
			insert(pool, 1);
			Path aside = this.directory.resolve("aside-wal");
			Files.move(log(), aside);
			assertThatExceptionOfType(UnavailableException.class).isThrownBy(this.sync::run)
				.withMessageContaining("durable");
			Files.move(aside, log());
			insert(pool, 2);
			this.sync.run();
		}
	}

	@Test
	void aDatabaseWithoutAFileHasNoLogToSync() {
		SqliteWalSync memory = new SqliteWalSync("jdbc:sqlite::memory:", Duration.ofSeconds(1));
		assertThatExceptionOfType(UnavailableException.class).isThrownBy(memory::run);
		memory.close();
	}

	private Path log() {
		return this.directory.resolve("catalog.db-wal");
	}

	private void insert(int value) throws SQLException {
		try (Connection connection = connect()) {
			insert(connection, value);
		}
	}

	private static void insert(Connection connection, int value) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO t (v) VALUES (" + value + ")");
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, SqliteCatalog.config(Duration.ofSeconds(5)).toProperties());
	}

	private static Object fileKey(Path file) throws IOException {
		return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
	}

}
