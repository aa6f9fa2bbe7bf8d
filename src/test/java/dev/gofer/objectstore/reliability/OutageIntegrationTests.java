package dev.gofer.objectstore.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;
import dev.gofer.objectstore.support.PostgresServer;
import dev.gofer.objectstore.support.S3Server;

import static dev.gofer.objectstore.reliability.Outage.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backing service goes away under traffic: requests fail with 503 problem+json and
 * readiness says DOWN; when it comes back, the service recovers by itself, and no
 * acknowledged write is lost.
 */
class OutageIntegrationTests {

	private static final String OBJECTS = "/api/namespaces/default/pipelines/outage/objects";

	private static final Duration RECOVERY = Duration.ofSeconds(60);

	@Test
	void postgresStoppedUnderTrafficIs503AndRecovers(@TempDir Path dataDir) throws Exception {
		PostgresServer.Dedicated postgres = new PostgresServer.Dedicated();
		try (ConfigurableApplicationContext app = start(dataDir, "spring.datasource.url=" + postgres.jdbcUrl())) {
			// A scoped token, so that checking it needs the catalog too, as most callers'
			// do.
			ApiClient api = api(app).withToken(
					api(app)
						.post("/api/tokens",
								"{\"namespaces\":[\"default\"],\"pipelines\":[\"*\"],\"actions\":[\"read\",\"write\"]}",
								"Content-Type", "application/json")
						.json()
						.get("token")
						.get("secret")
						.asString());
			try (Outage outage = new Outage(api, OBJECTS)) {
				await("first writes", RECOVERY, () -> outage.statuses().containsKey(201));
				postgres.stop();
				awaitUnavailable(api);
				postgres.start();
				awaitRecovered(api);
				outage.assertAcknowledgedWritesSurvived();
			}
		}
		finally {
			postgres.stop();
		}
	}

	@Test
	void s3StoppedUnderTrafficIs503AndRecovers(@TempDir Path dataDir) throws Exception {
		S3Server.S3Process s3 = S3Server.S3Process.startDedicated();
		List<String> properties = new ArrayList<>(S3Server.engineProperties(s3.endpoint()));
		properties.add("spring.datasource.url=" + PostgresServer.newDatabase());
		properties.add(ENGINE_ONLY);
		try (ConfigurableApplicationContext app = start(dataDir, properties.toArray(String[]::new))) {
			ApiClient api = api(app);
			try (Outage outage = new Outage(api, OBJECTS)) {
				await("first writes", RECOVERY, () -> outage.statuses().containsKey(201));
				s3.stop();
				awaitUnavailable(api);
				s3.start();
				awaitRecovered(api);
				outage.assertAcknowledgedWritesSurvived();
			}
		}
		finally {
			s3.stop();
		}
	}

	@Test
	void sqliteLockedByAnotherWriterIs503AndRecovers(@TempDir Path dataDir) throws Exception {
		try (ConfigurableApplicationContext app = start(dataDir, "gofer.catalog.busy-timeout=500ms")) {
			ApiClient api = api(app);
			try (Outage outage = new Outage(api, OBJECTS)) {
				await("first writes", RECOVERY, () -> outage.statuses().containsKey(201));
				SQLiteDataSource other = new SQLiteDataSource();
				other.setUrl("jdbc:sqlite:" + dataDir.resolve("gofer.db"));
				try (Connection connection = other.getConnection();
						Statement statement = connection.createStatement()) {
					// Another program takes the database's write lock and keeps it.
					statement.execute("PRAGMA busy_timeout = 5000");
					statement.execute("BEGIN EXCLUSIVE");
					statement.execute("INSERT INTO instances (id, heartbeat) VALUES ('intruder', 0)");
					awaitUnavailable(api);
					statement.execute("ROLLBACK");
				}
				awaitRecovered(api);
				outage.assertAcknowledgedWritesSurvived();
			}
		}
	}

	@Test
	void aWriteCommittedButNotSyncedFailsYetKeepsItsBytes(@TempDir Path dataDir) throws Exception {
		try (ConfigurableApplicationContext app = start(dataDir, "gofer.object-store.engine=filesystem", ENGINE_ONLY)) {
			ApiClient api = api(app);
			assertThat(api.put(OBJECTS + "/k", "earlier").status()).isEqualTo(201);
			// The write-ahead log is moved away behind SQLite's back: the group commit's
			// sync
			// fails, after the commit has gone through. The pool must be full first: a
			// connection
			// opened meanwhile would create a new, empty log in its place.
			HikariPoolMXBean pool = app.getBean(HikariDataSource.class).getHikariPoolMXBean();
			int size = app.getBean(HikariDataSource.class).getMaximumPoolSize();
			await("a full connection pool", RECOVERY, () -> pool.getTotalConnections() == size);
			Path log = dataDir.resolve("gofer.db-wal");
			Path aside = dataDir.resolve("wal-aside");
			Files.move(log, aside);
			Reply unsynced = api.put(OBJECTS + "/k", "later");
			Files.move(aside, log);
			assertThat(unsynced.status()).isEqualTo(503);
			assertThat(unsynced.text()).contains("durable");
			// Not acknowledged, but visible: whichever value the key shows, its bytes are
			// there.
			Reply read = api.get(OBJECTS + "/k");
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.text()).isIn("earlier", "later");
			assertThat(api.put(OBJECTS + "/k", "again").status()).isEqualTo(200);
			assertThat(api.get(OBJECTS + "/k").text()).isEqualTo("again");
		}
	}

	@Test
	void failingFilesystemWritesAre503AndLeaveNothingHalfWritten(@TempDir Path dataDir) throws Exception {
		Path objects = dataDir.resolve("objects");
		try (ConfigurableApplicationContext app = start(dataDir, "gofer.object-store.engine=filesystem", ENGINE_ONLY)) {
			ApiClient api = api(app);
			assertThat(api.put(OBJECTS + "/k", "earlier").status()).isEqualTo(201);
			// The engine's work directory turns into a file: every new write fails at the
			// disk.
			Path tmp = objects.resolve("tmp");
			Files.delete(tmp);
			Files.writeString(tmp, "not a directory");
			Reply refused = api.put(OBJECTS + "/k", "later");
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(refused.text()).doesNotContain(dataDir.toString(), "Exception");
			assertThat(api.get(OBJECTS + "/k").text()).isEqualTo("earlier");
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
			Files.delete(tmp);
			Files.createDirectory(tmp);
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(api.put(OBJECTS + "/k", "later").status()).isEqualTo(200);
			assertThat(api.get(OBJECTS + "/k").text()).isEqualTo("later");
		}
	}

	/**
	 * Every object's bytes in the engine, however small, for the tests of an engine's
	 * outage: small objects live in the catalog and would not notice it.
	 */
	private static final String ENGINE_ONLY = "gofer.object-store.inline-threshold=0";

	private static void awaitUnavailable(ApiClient api) {
		await("503 problem+json and readiness DOWN", RECOVERY, () -> {
			Reply write = api.put(OBJECTS + "/probe", "probe");
			return write.status() == 503 && "application/problem+json".equals(write.header("Content-Type"))
					&& !write.text().contains("Exception") && api.get("/actuator/health/readiness").status() == 503;
		});
		assertThat(api.get("/actuator/health/liveness").status()).as("alive while unavailable").isEqualTo(200);
	}

	private static void awaitRecovered(ApiClient api) {
		await("recovery without a restart", RECOVERY, () -> api.put(OBJECTS + "/probe", "probe").status() == 200
				&& api.get("/actuator/health/readiness").status() == 200);
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... properties) {
		List<String> args = new ArrayList<>();
		for (String property : properties) {
			args.add("--" + property);
		}
		args.addAll(List.of("--gofer.data-dir=" + dataDir, "--server.port=0",
				"--gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN, "--gofer.retention.enabled=false",
				"--spring.datasource.hikari.connection-timeout=1000"));
		return new SpringApplicationBuilder(GoferApplication.class).run(args.toArray(String[]::new));
	}

	private static ApiClient api(ConfigurableApplicationContext app) {
		return ApiClient.onPort(((WebServerApplicationContext) app).getWebServer().getPort());
	}

}
