package dev.gofer.objectstore.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no admin token configured, the first start makes one, keeps it private, and never
 * logs it.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminTokenBootstrapTests {

	@Test
	void firstStartGeneratesAnOwnerOnlyAdminTokenAndLogsOnlyWhereItIs(@TempDir Path dataDir, CapturedOutput output)
			throws Exception {
		Path file = dataDir.resolve("admin-token");
		String secret;
		try (ConfigurableApplicationContext context = start(dataDir)) {
			assertThat(file).exists();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			secret = Files.readString(file).trim();
			assertThat(secret).hasSizeGreaterThan(40);
			assertThat(output.getAll()).contains(file.toString()).doesNotContain(secret);
			ApiClient api = new ApiClient("http://localhost:" + port(context), secret);
			assertThat(api.get("/api/tokens").status()).isEqualTo(200);
			assertThat(api.withToken("wrong").get("/api/tokens").status()).isEqualTo(401);
		}
		try (ConfigurableApplicationContext again = start(dataDir)) {
			assertThat(Files.readString(file).trim()).as("kept across restarts").isEqualTo(secret);
			assertThat(new ApiClient("http://localhost:" + port(again), secret).get("/api/tokens").status())
				.isEqualTo(200);
		}
	}

	@Test
	void authCanBeTurnedOff(@TempDir Path dataDir) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GoferApplication.class).run(
				"--gofer.data-dir=" + dataDir, "--server.port=0", "--gofer.retention.enabled=false",
				"--gofer.auth.enabled=false")) {
			ApiClient anonymous = new ApiClient("http://localhost:" + port(context), null);
			assertThat(anonymous.put("/api/namespaces/default/pipelines/p/objects/k", "v").status()).isEqualTo(201);
			assertThat(dataDir.resolve("admin-token")).doesNotExist();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(GoferApplication.class).run("--gofer.data-dir=" + dataDir,
				"--server.port=0", "--gofer.retention.enabled=false");
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
