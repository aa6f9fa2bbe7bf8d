package dev.gofer.objectstore.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

import dev.gofer.objectstore.error.UnavailableException;

/**
 * The sync of a SQLite catalog's group commit: one small write committed with
 * {@code synchronous=FULL}, on a connection of its own.
 * <p>
 * The pool's connections commit with {@code synchronous=NORMAL}: a commit appends to the
 * write-ahead log without syncing it. In WAL mode the log is a single file that commits append
 * to in order, and a FULL commit syncs that file before it returns, so it makes every commit
 * before it durable too. Rewriting one row of {@code sync_marks} is the cheapest FULL commit
 * that writes something (a commit that writes nothing syncs nothing).
 */
final class SqliteSyncMark implements Runnable, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SqliteSyncMark.class);

	private final String url;

	private final Duration busyTimeout;

	private final WriteGate gate;

	private @Nullable Connection connection;

	SqliteSyncMark(String url, Duration busyTimeout, WriteGate gate) {
		this.url = url;
		this.busyTimeout = busyTimeout;
		this.gate = gate;
	}

	/** Called by one thread at a time: {@link GroupSync} runs one sync at once. */
	@Override
	public void run() {
		this.gate.call(() -> {
			try (Statement statement = connection().createStatement()) {
				statement.executeUpdate("UPDATE sync_marks SET mark = mark + 1 WHERE id = 1");
				return null;
			}
			catch (SQLException ex) {
				// A connection that failed may be broken; the next sync opens a new one.
				close();
				throw new UnavailableException("The catalog could not make the write durable; retry it", ex);
			}
		});
	}

	private Connection connection() throws SQLException {
		if (this.connection == null) {
			SQLiteConfig config = SqliteCatalog.config(this.busyTimeout, SQLiteConfig.SynchronousMode.FULL);
			this.connection = DriverManager.getConnection(this.url, config.toProperties());
		}
		return this.connection;
	}

	@Override
	public void close() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Closing the sync connection failed", ex);
			}
			this.connection = null;
		}
	}

}
