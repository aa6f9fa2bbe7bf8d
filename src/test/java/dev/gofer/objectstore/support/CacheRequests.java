package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Requests on a raw socket that announce a body and send none of it, to show that the
 * server answers without reading it.
 */
public final class CacheRequests {

	private CacheRequests() {
	}

	/**
	 * Sends {@code head} (request line and headers, without the blank line) and waits up
	 * to 10 s for the first line of the answer, never sending the body it announces. A
	 * server that waited for the body would only give up after its read timeout (20 s).
	 * @return the answer's head (status line and headers), or "" when none came in time
	 */
	public static String answerWithoutBody(int port, String head) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			try {
				int c;
				while ((c = in.read()) >= 0) {
					answer.append((char) c);
					if (answer.toString().endsWith("\r\n\r\n")) {
						// A final answer ends here; a "100 Continue" is followed by
						// another.
						if (!answer.toString().startsWith("HTTP/1.1 100")) {
							break;
						}
					}
				}
			}
			catch (SocketTimeoutException ex) {
				// what came so far
			}
			return answer.toString();
		}
	}

}
