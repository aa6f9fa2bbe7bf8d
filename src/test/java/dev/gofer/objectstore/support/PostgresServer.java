package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server for the whole test run, started on first use; each caller
 * gets a database of its own.
 */
public final class PostgresServer {

	private static final AtomicInteger databases = new AtomicInteger();

	private static EmbeddedPostgres server;

	private PostgresServer() {
	}

	/** A new, empty database; returns its JDBC URL, with the user in it. */
	public static synchronized String newDatabase() {
		String name = "gofer_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database", ex);
		}
		return "jdbc:postgresql://localhost:" + server().getPort() + "/" + name + "?user=postgres";
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// the JVM is going away anyway
				}
			}));
		}
		return server;
	}

	/**
	 * A server of a test's own, which it may stop and start again on the same port and
	 * files.
	 */
	public static final class Dedicated {

		private final Path directory;

		private final int port;

		private EmbeddedPostgres server;

		public Dedicated() throws IOException {
			this.directory = Files.createTempDirectory("gofer-postgres");
			try (ServerSocket socket = new ServerSocket(0)) {
				this.port = socket.getLocalPort();
			}
			start();
		}

		public String jdbcUrl() {
			return "jdbc:postgresql://localhost:" + this.port + "/postgres?user=postgres";
		}

		public synchronized void start() throws IOException {
			this.server = EmbeddedPostgres.builder()
				.setDataDirectory(this.directory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.start();
		}

		/** Stops the server, as an outage would; clients lose their connections. */
		public synchronized void stop() throws IOException {
			this.server.close();
		}

	}

}
