package dev.gofer.objectstore.catalog.sqlite;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.gofer.objectstore.error.UnavailableException;

/**
 * The sync of a SQLite catalog's group commit: an fsync of the write-ahead log.
 * <p>
 * The pool's connections commit with {@code synchronous=NORMAL}: a commit appends its
 * pages to the log without syncing it. The log is one file that commits append to in
 * order, so one fsync makes every commit before it durable. That is what a commit with
 * {@code synchronous=FULL} does before it returns, but such a commit holds SQLite's write
 * lock through its fsync, so no other writer could commit meanwhile; this fsync holds no
 * lock, and the next writers commit while it runs.
 * <p>
 * SQLite deletes the log when the last connection to the database closes, after copying
 * it into the database file and syncing that, and the next connection creates a new one.
 * A connection of this class's own stays open, so the log stays the file that the channel
 * here holds. When the channel is opened, the log's directory is synced once, so that a
 * log SQLite has just created is found after a crash (SQLite's own FULL sync does the
 * same). A log that is no longer the file at its path (deleted or replaced by hand) fails
 * the sync: what it holds would be lost on the next start.
 */
final class SqliteWalSync implements Runnable, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SqliteWalSync.class);

	private final String url;

	private final Duration busyTimeout;

	private @Nullable Connection keeper;

	private @Nullable Path log;

	private @Nullable FileChannel channel;

	private @Nullable Object fileKey;

	SqliteWalSync(String url, Duration busyTimeout) {
		this.url = url;
		this.busyTimeout = busyTimeout;
	}

	/** Called by one thread at a time: {@link GroupSync} runs one sync at once. */
	@Override
	public void run() {
		try {
			FileChannel open = channel();
			open.force(false);
			if (!Objects.equals(fileKey(this.log), this.fileKey)) {
				throw new IOException("The write-ahead log " + this.log + " was replaced or deleted");
			}
		}
		catch (IOException | SQLException | RuntimeException ex) {
			// Start again on the next sync, with the log SQLite writes to then.
			close();
			throw new UnavailableException("The catalog could not make the write durable; retry it", ex);
		}
	}

	private FileChannel channel() throws SQLException, IOException {
		if (this.channel == null) {
			this.keeper = SqliteCatalog.connect(this.url, this.busyTimeout);
			Path database = databaseFile(this.keeper);
			this.log = database.resolveSibling(database.getFileName() + "-wal");
			this.fileKey = fileKey(this.log);
			this.channel = FileChannel.open(this.log, StandardOpenOption.WRITE);
			syncDirectory(this.log.toAbsolutePath().getParent());
		}
		return this.channel;
	}

	/**
	 * The database's file, from SQLite itself (the URL may carry parameters or a
	 * {@code file:} URI). Reading the schema starts a read transaction, which opens the
	 * log, creating it if need be.
	 */
	private static Path databaseFile(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet schema = statement.executeQuery("SELECT count(*) FROM sqlite_schema")) {
				schema.next();
			}
			try (ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
				while (databases.next()) {
					String file = databases.getString("file");
					if ("main".equals(databases.getString("name")) && file != null && !file.isEmpty()) {
						return Path.of(file);
					}
				}
			}
		}
		throw new SQLException("The catalog is not a database file, so it has no write-ahead log to sync");
	}

	private static @Nullable Object fileKey(@Nullable Path file) throws IOException {
		return file == null ? null : Files.readAttributes(file, BasicFileAttributes.class).fileKey();
	}

	private static void syncDirectory(@Nullable Path directory) throws IOException {
		if (directory == null) {
			return;
		}
		FileChannel channel;
		try {
			channel = FileChannel.open(directory, StandardOpenOption.READ);
		}
		catch (AccessDeniedException ex) {
			// Windows cannot open a directory; its file systems make new entries durable
			// themselves.
			return;
		}
		try (channel) {
			channel.force(true);
		}
	}

	@Override
	public void close() {
		try (AutoCloseable connection = this.keeper; AutoCloseable log = this.channel) {
			// closed here, the log's channel first
		}
		catch (Exception ex) {
			logger.debug("Closing the write-ahead log's sync failed", ex);
		}
		this.channel = null;
		this.keeper = null;
		this.log = null;
		this.fileKey = null;
	}

}
