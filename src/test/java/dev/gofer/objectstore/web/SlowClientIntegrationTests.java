package dev.gofer.objectstore.web;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gofer.objectstore.GoferApplication;
import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stalls mid-upload loses its connection after the read timeout, and stores
 * nothing: on Gofer's API and on the cache protocols alike.
 */
class SlowClientIntegrationTests {

	@Test
	void stalledUploadIsDroppedAfterTheReadTimeout(@TempDir Path dataDir) throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GoferApplication.class).run(
				"--gofer.data-dir=" + dataDir, "--server.port=0", "--gofer.retention.enabled=false",
				"--gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN, "--server.tomcat.connection-timeout=1s")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			// Gofer's API, and a build tool's cache protocol, which takes the same path.
			for (String path : new String[] { "/api/namespaces/default/pipelines/slow/objects/k",
					"/cache/bazel/default/slow/ac/" + "0".repeat(64) }) {
				Instant start = Instant.now();
				try (Socket socket = new Socket("localhost", port)) {
					socket.setSoTimeout(30_000);
					socket.getOutputStream()
						.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
								+ IntegrationTest.ADMIN_TOKEN + "\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(100))
							.getBytes(StandardCharsets.US_ASCII));
					InputStream in = socket.getInputStream();
					// Sends nothing more; the server must give up on its own, well before
					// our 30 s.
					String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					assertThat(answer).satisfiesAnyOf(text -> assertThat(text).isEmpty(),
							text -> assertThat(text).startsWith("HTTP/1.1 4"));
				}
				assertThat(Duration.between(start, Instant.now())).as(path).isLessThan(Duration.ofSeconds(15));
				ApiClient api = ApiClient.onPort(port);
				assertThat(api.get(path).status()).as(path).isEqualTo(404);
			}
		}
	}

}
