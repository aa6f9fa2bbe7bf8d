package dev.gofer.objectstore.catalog.sqlite;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/** What makes a catalog a SQLite one, and how the service opens its connections. */
final class SqliteCatalog {

	static final String URL_PREFIX = "jdbc:sqlite:";

	private SqliteCatalog() {
	}

	/** The JDBC URL of a SQLite catalog's pool, or null for any other data source. */
	static @Nullable String url(Object dataSource) {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith(URL_PREFIX)) {
			return hikari.getJdbcUrl();
		}
		return null;
	}

	/**
	 * The connections of the service's pool: {@link #config}, with log checkpoints left
	 * to {@link SqliteCheckpointer} but for a safety net.
	 */
	static SQLiteDataSource poolDataSource(String url, Duration busyTimeout) {
		SQLiteDataSource dataSource = new SQLiteDataSource(config(busyTimeout)) {

			@Override
			public SQLiteConnection getConnection(@Nullable String username, @Nullable String password)
					throws SQLException {
				SQLiteConnection connection = super.getConnection(username, password);
				try (Statement statement = connection.createStatement()) {
					statement.execute("PRAGMA wal_autocheckpoint = " + SqliteCheckpointer.WRITER_CHECKPOINT_PAGES);
				}
				catch (SQLException ex) {
					connection.close();
					throw ex;
				}
				return connection;
			}

		};
		dataSource.setUrl(url);
		return dataSource;
	}

	/**
	 * A connection of its own, outside the pool, with the settings of every connection.
	 */
	static Connection connect(String url, Duration busyTimeout) throws SQLException {
		return DriverManager.getConnection(url, config(busyTimeout).toProperties());
	}

	/**
	 * The settings of every connection: WAL so that readers never wait for the writer;
	 * NORMAL sync, so that a commit appends to the log without syncing it
	 * ({@link SqliteWalSync} syncs it for a group of commits); a busy timeout so that
	 * writers queue instead of failing at once; immediate transactions so that a
	 * transaction takes the write lock at its start (a read that later upgrades to a
	 * write can fail with SQLITE_BUSY without waiting); and foreign keys enforced.
	 */
	static SQLiteConfig config(Duration busyTimeout) {
		SQLiteConfig config = new SQLiteConfig();
		config.setJournalMode(SQLiteConfig.JournalMode.WAL);
		config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
		config.setBusyTimeout((int) busyTimeout.toMillis());
		config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
		config.enforceForeignKeys(true);
		return config;
	}

}
