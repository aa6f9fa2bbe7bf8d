package dev.gofer.objectstore.catalog.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.CatalogProperties;

/**
 * Copies a SQLite catalog's write-ahead log into the database file in the background,
 * several times a second.
 * <p>
 * Left to itself, SQLite checkpoints in the connection whose commit took the log past
 * 1000 pages: that writer copies the log, fsyncs it and the database, and only then
 * returns, while the service's other writers queue behind it; a 1 GiB upload on the
 * database engine spent most of its time so. The pool's connections now checkpoint only
 * as a safety net, past {@value #WRITER_CHECKPOINT_PAGES} pages, and this thread's own
 * connection runs passive checkpoints, which never block writers nor wait for them, on
 * the other core.
 */
@Component
class SqliteCheckpointer implements SmartLifecycle {

	/**
	 * Log pages past which a writer checkpoints itself, should this thread fall behind
	 * (64 MiB).
	 */
	static final int WRITER_CHECKPOINT_PAGES = 16384;

	private static final Duration INTERVAL = Duration.ofMillis(100);

	private static final Logger logger = LoggerFactory.getLogger(SqliteCheckpointer.class);

	private final @Nullable String url;

	private final CatalogProperties properties;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable Connection connection;

	SqliteCheckpointer(DataSource dataSource, CatalogProperties properties) {
		this.url = SqliteCatalog.url(dataSource);
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		if (this.url != null && this.scheduler == null) {
			openEarly();
			this.scheduler = Executors
				.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sqlite-checkpoint").daemon(true).factory());
			this.scheduler.scheduleWithFixedDelay(this::checkpoint, INTERVAL.toMillis(), INTERVAL.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			try {
				this.scheduler.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.scheduler = null;
			closeConnection();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	/**
	 * Opens the connection with the service, as the pool opens its own, rather than at
	 * the first checkpoint: a connection that SQLite opens while the log is missing
	 * creates a new, empty log in its place, so connections are opened when the service
	 * starts and kept. If the catalog cannot be opened now, the first checkpoint tries
	 * again.
	 */
	private void openEarly() {
		try {
			connection();
		}
		catch (SQLException ex) {
			logger.debug("Opening the checkpoint connection failed; the first checkpoint retries", ex);
		}
	}

	/**
	 * One passive checkpoint: copies what no reader still needs, and costs nothing when
	 * idle.
	 */
	void checkpoint() {
		try (Statement statement = connection().createStatement()) {
			statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
		}
		catch (SQLException ex) {
			// The writers' own checkpoints take over until the catalog is back.
			logger.debug("Background checkpoint failed", ex);
			closeConnection();
		}
	}

	private Connection connection() throws SQLException {
		Connection open = this.connection;
		if (open == null) {
			if (this.url == null) {
				throw new IllegalStateException("The catalog is not a SQLite database");
			}
			open = SqliteCatalog.connect(this.url, this.properties.busyTimeout());
			this.connection = open;
		}
		return open;
	}

	private void closeConnection() {
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Closing the checkpoint connection failed", ex);
			}
			this.connection = null;
		}
	}

}
