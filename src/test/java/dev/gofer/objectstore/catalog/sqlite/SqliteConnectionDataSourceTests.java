package dev.gofer.objectstore.catalog.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Compiled statements are reused on a real SQLite file, without ever leaking state
 * between uses, and a transaction that cannot begin leaves its connection consistent.
 */
class SqliteConnectionDataSourceTests {

	private static final String SELECT = "SELECT v FROM t WHERE k = ?";

	@TempDir
	Path directory;

	private SqliteConnectionDataSource dataSource;

	@BeforeEach
	void createTable() throws SQLException {
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + this.directory.resolve("cache.db"));
		this.dataSource = new SqliteConnectionDataSource(sqlite, 2);
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.executeUpdate("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)");
			statement.executeUpdate("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
		}
	}

	@Test
	void aClosedStatementIsReusedWithFreshParameters() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement first = connection.prepareStatement(SELECT);
			assertThat(value(first, 1)).isEqualTo("one");
			PreparedStatement compiled = first.unwrap(PreparedStatement.class);
			first.close();
			assertThat(first.isClosed()).isTrue();

			PreparedStatement second = connection.prepareStatement(SELECT);
			assertThat(second.unwrap(PreparedStatement.class)).isSameAs(compiled);
			assertThat(value(second, 2)).isEqualTo("two");
			second.close();
			assertThatExceptionOfType(SQLException.class).isThrownBy(second::executeQuery);
		}
	}

	@Test
	void statementsInUseAtOnceAreDistinct() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement outer = connection.prepareStatement(SELECT);
				PreparedStatement inner = connection.prepareStatement(SELECT)) {
			assertThat(inner.unwrap(PreparedStatement.class)).isNotSameAs(outer.unwrap(PreparedStatement.class));
			outer.setLong(1, 1);
			try (ResultSet rows = outer.executeQuery()) {
				assertThat(rows.next()).isTrue();
				assertThat(value(inner, 2)).isEqualTo("two");
				assertThat(rows.getString(1)).isEqualTo("one");
			}
		}
	}

	@Test
	void aStatementThatFailedIsNotReused() throws SQLException {
		String insert = "INSERT INTO t (k, v) VALUES (?, ?)";
		try (Connection connection = this.dataSource.getConnection()) {
			PreparedStatement failing = connection.prepareStatement(insert);
			PreparedStatement compiled = failing.unwrap(PreparedStatement.class);
			failing.setLong(1, 1);
			failing.setString(2, "duplicate");
			assertThatExceptionOfType(SQLException.class).isThrownBy(failing::executeUpdate);
			failing.close();
			assertThat(compiled.isClosed()).isTrue();

			try (PreparedStatement next = connection.prepareStatement(insert)) {
				next.setLong(1, 3);
				next.setString(2, "three");
				assertThat(next.executeUpdate()).isEqualTo(1);
			}
		}
	}

	@Test
	void theCacheIsBoundedAndClosingTheConnectionClosesIt() throws SQLException {
		Connection connection = this.dataSource.getConnection();
		PreparedStatement[] compiled = new PreparedStatement[3];
		for (int i = 0; i < 3; i++) {
			try (PreparedStatement statement = connection.prepareStatement(SELECT + " AND " + i + " = " + i)) {
				compiled[i] = statement.unwrap(PreparedStatement.class);
			}
		}
		// Capacity 2: the least recently used one was closed to make room.
		assertThat(compiled[0].isClosed()).isTrue();
		assertThat(compiled[1].isClosed()).isFalse();
		connection.close();
		assertThat(compiled[1].isClosed()).isTrue();
		assertThat(compiled[2].isClosed()).isTrue();
	}

	@Test
	void aTransactionThatCannotBeginLeavesTheConnectionInAutocommitMode() throws SQLException {
		SQLiteConfig config = new SQLiteConfig();
		config.setBusyTimeout(100);
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		SQLiteDataSource sqlite = new SQLiteDataSource(config);
		sqlite.setUrl("jdbc:sqlite:" + this.directory.resolve("cache.db"));
		SqliteConnectionDataSource pooled = new SqliteConnectionDataSource(sqlite, 2);
		try (Connection intruder = this.dataSource.getConnection();
				Statement lock = intruder.createStatement();
				Connection connection = pooled.getConnection()) {
			lock.execute("BEGIN EXCLUSIVE");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> connection.setAutoCommit(false));
			assertThat(connection.getAutoCommit()).as("no transaction is open").isTrue();
			lock.execute("ROLLBACK");

			// The next transaction on the connection is a real one: a rollback undoes its
			// write.
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("INSERT INTO t VALUES (3, 'three')");
			}
			connection.rollback();
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getInt(1)).isEqualTo(2);
			}
		}
	}

	private static String value(PreparedStatement statement, long key) throws SQLException {
		statement.setLong(1, key);
		try (ResultSet rows = statement.executeQuery()) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
