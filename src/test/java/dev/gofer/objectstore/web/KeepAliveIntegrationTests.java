package dev.gofer.objectstore.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that moves many small objects keeps its connection: the server closes a
 * kept-alive connection after 1000 requests, as nginx does, not after Tomcat's default of
 * 100.
 */
class KeepAliveIntegrationTests extends IntegrationTest {

	private static final int REQUESTS = 250;

	@Test
	void oneConnectionServesManyMoreThanAHundredRequests() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			for (int i = 1; i <= REQUESTS; i++) {
				socket.getOutputStream()
					.write("HEAD /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n"
						.getBytes(StandardCharsets.ISO_8859_1));
				String head = readHead(socket.getInputStream());
				assertThat(head).as("response %d", i).startsWith("HTTP/1.1 200");
				assertThat(head.toLowerCase()).as("response %d", i).doesNotContain("connection: close");
			}
		}
	}

	/** The status line and headers of one response to HEAD, which has no body. */
	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (true) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("The server closed the connection after: " + head);
			}
			head.write(b);
			if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				return head.toString(StandardCharsets.ISO_8859_1);
			}
		}
	}

}
