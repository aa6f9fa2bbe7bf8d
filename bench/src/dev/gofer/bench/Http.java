package dev.gofer.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket, used by one thread at a
 * time. It is deliberately minimal (no TLS, no redirects, no pooling) so that the load
 * generator spends as little of the shared CPU as possible: on a 2-core machine a heavy
 * client would slow the faster server most and flatter the ratios.
 */
final class Http implements Closeable {

	/** Writes a request body of a length announced beforehand. */
	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	/** Takes the bytes of a response body as they arrive. */
	interface Sink {

		void accept(byte[] buffer, int offset, int length) throws IOException;

	}

	/** A response; {@code body} holds the bytes only when no sink was given. */
	record Response(int status, Map<String, String> headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	private static final int CONNECT_TIMEOUT_MS = 5_000;

	private final String host;

	private final int port;

	private final int readTimeoutMs;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final byte[] buffer = new byte[256 * 1024];

	Http(String host, int port, int readTimeoutMs) {
		this.host = host;
		this.port = port;
		this.readTimeoutMs = readTimeoutMs;
	}

	/**
	 * A request with a small body held in memory (or none), retried once on a stale
	 * connection.
	 */
	Response send(String method, String path, List<String> headers, byte[] body) throws IOException {
		boolean reused = this.socket != null;
		try {
			return exchange(method, path, headers, body.length, out -> out.write(body), null);
		}
		catch (IOException ex) {
			disconnect();
			// A kept-alive connection the server has just closed fails before any answer:
			// the
			// request is safe to send again on a fresh one. A fresh connection's failure
			// is real.
			if (!reused || !(ex instanceof NoAnswerException)) {
				throw ex;
			}
			return exchange(method, path, headers, body.length, out -> out.write(body), null);
		}
	}

	/**
	 * One request and its response on this connection, opening it if needed. A body of
	 * {@code length} bytes is written by {@code body}; the response body goes to
	 * {@code sink}, or into the returned response when {@code sink} is null.
	 */
	Response exchange(String method, String path, List<String> headers, long length, Body body, Sink sink)
			throws IOException {
		if (this.socket == null) {
			open();
		}
		StringBuilder head = new StringBuilder(256);
		head.append(method)
			.append(' ')
			.append(path)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.host)
			.append(':')
			.append(this.port)
			.append("\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		if (length > 0 || method.equals("PUT") || method.equals("POST") || method.equals("PATCH")) {
			head.append("Content-Length: ").append(length).append("\r\n");
		}
		head.append("\r\n");
		try {
			this.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (length > 0) {
				body.writeTo(this.out);
			}
			this.out.flush();
		}
		catch (IOException ex) {
			throw new NoAnswerException(ex);
		}
		return read(method, sink);
	}

	private Response read(String method, Sink sink) throws IOException {
		String statusLine = line(true);
		int status = Integer.parseInt(statusLine.substring(9, 12));
		Map<String, String> headers = headers();
		while (status >= 100 && status < 200) {
			statusLine = line(false);
			status = Integer.parseInt(statusLine.substring(9, 12));
			headers = headers();
		}
		ByteArrayOutputStream collected = sink == null ? new ByteArrayOutputStream(2048) : null;
		Sink target = sink != null ? sink : collected::write;
		boolean close = "close".equalsIgnoreCase(headers.get("connection"));
		if (method.equals("HEAD") || status == 204 || status == 304) {
			// no body
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			readChunked(target);
		}
		else if (headers.containsKey("content-length")) {
			readExactly(Long.parseLong(headers.get("content-length").trim()), target);
		}
		else {
			readToEnd(target);
			close = true;
		}
		if (close) {
			disconnect();
		}
		return new Response(status, headers, collected == null ? null : collected.toByteArray());
	}

	private void readChunked(Sink sink) throws IOException {
		while (true) {
			String sizeLine = line(false);
			int semicolon = sizeLine.indexOf(';');
			long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
			if (size == 0) {
				while (!line(false).isEmpty()) {
					// trailers, ignored
				}
				return;
			}
			readExactly(size, sink);
			line(false);
		}
	}

	private void readExactly(long length, Sink sink) throws IOException {
		long left = length;
		while (left > 0) {
			int n = this.in.read(this.buffer, 0, (int) Math.min(this.buffer.length, left));
			if (n < 0) {
				throw new EOFException("The connection closed " + left + " bytes before the end of the body");
			}
			sink.accept(this.buffer, 0, n);
			left -= n;
		}
	}

	private void readToEnd(Sink sink) throws IOException {
		int n;
		while ((n = this.in.read(this.buffer)) >= 0) {
			sink.accept(this.buffer, 0, n);
		}
	}

	private Map<String, String> headers() throws IOException {
		Map<String, String> headers = new HashMap<>();
		String header;
		while (!(header = line(false)).isEmpty()) {
			int colon = header.indexOf(':');
			if (colon > 0) {
				headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						header.substring(colon + 1).trim());
			}
		}
		return headers;
	}

	/**
	 * A CRLF-terminated line; at the very start of a response, an immediate EOF means no
	 * answer.
	 */
	private String line(boolean first) throws IOException {
		StringBuilder line = new StringBuilder(64);
		int c;
		try {
			c = this.in.read();
		}
		catch (IOException ex) {
			throw first ? new NoAnswerException(ex) : ex;
		}
		if (c < 0) {
			throw first ? new NoAnswerException(new EOFException("closed")) : new EOFException("closed mid-response");
		}
		while (c != '\n') {
			if (c != '\r') {
				line.append((char) c);
			}
			c = this.in.read();
			if (c < 0) {
				throw new EOFException("closed mid-line");
			}
		}
		return line.toString();
	}

	private void open() throws IOException {
		Socket s = new Socket();
		s.setTcpNoDelay(true);
		s.setSoTimeout(this.readTimeoutMs);
		s.connect(new InetSocketAddress(this.host, this.port), CONNECT_TIMEOUT_MS);
		this.socket = s;
		this.in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
		this.out = new BufferedOutputStream(s.getOutputStream(), 64 * 1024);
	}

	@Override
	public void close() {
		disconnect();
	}

	/** Drops the connection; the next request opens a new one. */
	void disconnect() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			this.socket = null;
		}
	}

	/** The server closed or reset the connection before answering anything. */
	static final class NoAnswerException extends IOException {

		private static final long serialVersionUID = 1L;

		NoAnswerException(IOException cause) {
			super("no answer: " + cause.getMessage(), cause);
		}

	}

}
