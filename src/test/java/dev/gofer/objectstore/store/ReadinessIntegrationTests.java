package dev.gofer.objectstore.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness follows the engine: DOWN while it cannot serve, UP again once it can, no
 * restart.
 */
class ReadinessIntegrationTests {

	@Test
	void readinessIsDownWhileTheEngineIsUnreachableAndRecovers(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GoferApplication.class).run(
				"--gofer.data-dir=" + dataDir, "--server.port=0", "--gofer.retention.enabled=false",
				"--gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN)) {
			ApiClient api = ApiClient.onPort(((WebServerApplicationContext) context).getWebServer().getPort());
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);

			// The engine's storage disappears from under the service.
			jdbc.sql("ALTER TABLE blob_chunks RENAME TO blob_chunks_away").update();
			Reply down = api.get("/actuator/health/readiness");
			assertThat(down.status()).isEqualTo(503);
			assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
			assertThat(api.get("/actuator/health/liveness").status()).as("alive, only not ready").isEqualTo(200);
			// Large enough for the engine: a small object lives in the catalog and would
			// be stored.
			byte[] large = new byte[64 * 1024];
			Reply write = api.put("/api/namespaces/default/pipelines/p/objects/k", large);
			assertThat(write.status()).isEqualTo(503);
			assertThat(write.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(write.text()).doesNotContain("blob_chunks", "SQL");
			assertThat(api.get("/api/namespaces/default/pipelines/p/objects/k").status()).as("nothing half-written")
				.isEqualTo(404);

			jdbc.sql("ALTER TABLE blob_chunks_away RENAME TO blob_chunks").update();
			assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(api.put("/api/namespaces/default/pipelines/p/objects/k", large).status()).isEqualTo(201);
		}
	}

}
