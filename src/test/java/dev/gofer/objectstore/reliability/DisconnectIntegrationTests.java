package dev.gofer.objectstore.reliability;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.support.IntegrationTest;

import static dev.gofer.objectstore.reliability.Outage.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Clients that hang up halfway leave no connection, thread or blob behind. */
class DisconnectIntegrationTests extends IntegrationTest {

	@Autowired
	HikariDataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void clientsThatHangUpMidDownloadLeakNothing() throws Exception {
		String path = "/api/namespaces/default/pipelines/" + unique("hangup") + "/objects/big";
		this.api.put(path, new byte[900_000]);
		int threadsBefore = Thread.activeCount();
		for (int i = 0; i < 20; i++) {
			try (Socket socket = new Socket("localhost", this.port)) {
				OutputStream out = socket.getOutputStream();
				out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				InputStream in = socket.getInputStream();
				in.readNBytes(32 * 1024);
			}
		}
		await("database connections back in the pool", Duration.ofSeconds(10),
				() -> this.dataSource.getHikariPoolMXBean().getActiveConnections() == 0);
		assertThat(Thread.activeCount()).as("platform threads").isLessThan(threadsBefore + 10);
		assertThat(this.api.get(path).bytes()).hasSize(900_000);
	}

	@Test
	void clientsThatHangUpMidUploadLeaveNoBlobs() throws Exception {
		String path = "/api/namespaces/default/pipelines/" + unique("hangup") + "/objects/partial";
		long blobsBefore = blobs();
		for (int i = 0; i < 10; i++) {
			try (Socket socket = new Socket("localhost", this.port)) {
				socket.getOutputStream()
					.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_TOKEN
							+ "\r\nContent-Length: 500000\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().write(new byte[200_000]);
			}
		}
		await("the cut-off uploads discarded", Duration.ofSeconds(10), () -> blobs() == blobsBefore);
		await("database connections back in the pool", Duration.ofSeconds(10),
				() -> this.dataSource.getHikariPoolMXBean().getActiveConnections() == 0);
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	private long blobs() {
		return this.jdbc.sql("SELECT count(*) FROM blobs WHERE state <> 'LIVE'").query(Long.class).single();
	}

}
