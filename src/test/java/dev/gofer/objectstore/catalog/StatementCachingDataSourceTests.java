package dev.gofer.objectstore.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Compiled statements are reused on a real SQLite file, without ever leaking state between uses. */
class StatementCachingDataSourceTests {

	private static final String SELECT = "SELECT v FROM t WHERE k = ?";

	@TempDir
	Path directory;

	private StatementCachingDataSource dataSource;

	@BeforeEach
	void createTable() throws SQLException {
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + this.directory.resolve("cache.db"));
		this.dataSource = new StatementCachingDataSource(sqlite, 2);
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
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

	private static String value(PreparedStatement statement, long key) throws SQLException {
		statement.setLong(1, key);
		try (ResultSet rows = statement.executeQuery()) {
			assertThat(rows.next()).isTrue();
			return rows.getString(1);
		}
	}

}
