package dev.gofer.objectstore.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client would send:
 * raw paths, broken headers, bodies that stop or never end.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/** A response as read off the wire. */
	public record Response(int status, String head, String body) {

		public boolean isProblem() {
			return this.head.toLowerCase().contains("content-type: application/problem+json");
		}

	}

	/**
	 * Sends {@code head} (request line and headers, without the blank line) and
	 * {@code body}.
	 */
	public static Response exchange(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			try {
				socket.getOutputStream().write(body);
				// The request ends here: a body shorter than announced is cut off, not
				// slow.
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// The server may answer and close before the whole body is sent (413,
				// 401).
			}
			return read(socket.getInputStream());
		}
	}

	static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			in.transferTo(bytes);
		}
		catch (SocketTimeoutException | SocketException ex) {
			// Keep what arrived before the server stopped talking.
		}
		String text = bytes.toString(StandardCharsets.UTF_8);
		int split = text.indexOf("\r\n\r\n");
		String head = split < 0 ? text : text.substring(0, split);
		String body = split < 0 ? "" : text.substring(split + 4);
		int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
		return new Response(status, head, body);
	}

}
