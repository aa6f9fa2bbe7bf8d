package dev.gofer.objectstore.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.cli.HttpConnection.Response;
import dev.gofer.objectstore.cli.HttpConnection.Upload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's HTTP/1.1 framing against a peer on a real socket that answers as servers
 * may, beyond what the object store itself sends: chunked answers with extensions and
 * trailers, answers ended by closing the connection, and an early refusal while a body is
 * still being sent.
 */
class HttpConnectionTests {

	private ServerSocket server;

	@BeforeEach
	void listen() throws IOException {
		this.server = new ServerSocket(0);
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
	}

	@Test
	void aChunkedAnswerIsReadWholeAndTheConnectionServesTheNextRequest() throws Exception {
		CompletableFuture<String> requests = serve((socket, in, out) -> {
			String first = head(in);
			out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "5;name=value\r\nhello\r\n"
					+ "7\r\n, world\r\n0\r\nTrailer: x\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String second = head(in);
			out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return first + second;
		});
		try (HttpConnection connection = HttpConnection.open(uri(), 5_000)) {
			Response answer = connection.exchange("GET", "/a?b=c", List.of("X-Test", "1"), null, 5_000);
			assertThat(answer.status()).isEqualTo(200);
			assertThat(new String(answer.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
			assertThat(connection.reusable()).isTrue();
			assertThat(connection.exchange("DELETE", "/a", List.of(), null, 5_000).status()).isEqualTo(204);
		}
		assertThat(requests.get(10, TimeUnit.SECONDS)).startsWith("GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:")
			.contains("X-Test: 1\r\n", "DELETE /a HTTP/1.1\r\n");
	}

	@Test
	void aBodyOfUnknownLengthGoesChunkedAndAnAnswerEndedByClosingIsReadToTheEnd() throws Exception {
		CompletableFuture<String> request = serve((socket, in, out) -> {
			String head = head(in);
			StringBuilder body = new StringBuilder();
			for (String size = line(in); !size.equals("0"); size = line(in)) {
				body.append(new String(in.readNBytes(Integer.parseInt(size, 16)), StandardCharsets.US_ASCII));
				line(in);
			}
			line(in);
			out.write("HTTP/1.1 201 Created\r\nConnection: close\r\n\r\nstored".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.close();
			return head + body;
		});
		try (HttpConnection connection = HttpConnection.open(uri(), 5_000)) {
			Upload body = new Upload(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.US_ASCII)), -1);
			Response answer = connection.exchange("POST", "/o", List.of(), body, 5_000);
			assertThat(answer.status()).isEqualTo(201);
			assertThat(new String(answer.body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("stored");
			assertThat(connection.reusable()).isFalse();
		}
		assertThat(request.get(10, TimeUnit.SECONDS)).contains("Transfer-Encoding: chunked\r\n").endsWith("streamed");
	}

	@Test
	void aRefusalWhileTheBodyIsStillBeingSentIsTheAnswer() throws Exception {
		serve((socket, in, out) -> {
			head(in);
			out.write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// Closing with unread bytes resets the connection; the answer is read before
			// that.
			socket.shutdownOutput();
			in.readNBytes(64 * 1024);
			socket.close();
			return "";
		});
		long size = 256L * 1024 * 1024;
		try (HttpConnection connection = HttpConnection.open(uri(), 5_000)) {
			Response answer = connection.exchange("POST", "/big", List.of(), new Upload(new Zeros(size), size), 5_000);
			assertThat(answer.status()).isEqualTo(413);
		}
	}

	private URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
	}

	private interface Peer {

		String handle(Socket socket, InputStream in, OutputStream out) throws IOException;

	}

	/** Answers one connection as {@code peer} says, on a thread of its own. */
	private CompletableFuture<String> serve(Peer peer) {
		return CompletableFuture.supplyAsync(() -> {
			try (Socket socket = this.server.accept()) {
				return peer.handle(socket, socket.getInputStream(), socket.getOutputStream());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private static String head(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		for (String line = line(in); !line.isEmpty(); line = line(in)) {
			head.append(line).append("\r\n");
		}
		return head.toString();
	}

	private static String line(InputStream in) throws IOException {
		return HttpConnection.readLine(in);
	}

	/** {@code size} zero bytes, made as they are read. */
	private static final class Zeros extends InputStream {

		private long left;

		Zeros(long size) {
			this.left = size;
		}

		@Override
		public int read() {
			return (this.left-- > 0) ? 0 : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (this.left <= 0) {
				return -1;
			}
			int n = (int) Math.min(length, this.left);
			Arrays.fill(buffer, offset, offset + n, (byte) 0);
			this.left -= n;
			return n;
		}

	}

}
