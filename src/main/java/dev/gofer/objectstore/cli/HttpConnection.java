package dev.gofer.objectstore.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP/1.1 connection over a blocking socket (TLS for {@code https}), for the
 * client's few requests one after the other. {@code java.net.http} did this before, but
 * starting it (its selector thread, its asynchronous machinery and an SSL context even
 * for plain HTTP) took a third of a short command's time. Like the client it replaces it
 * follows no redirects and uses no proxy; it verifies the server's certificate and host
 * name as {@code https} wants.
 */
final class HttpConnection implements Closeable {

	private static final int BUFFER_SIZE = 64 * 1024;

	private final Socket socket;

	private final InputStream in;

	private final OutputStream out;

	private final String hostHeader;

	/** Whether the server keeps the connection open after the last response. */
	private boolean reusable = true;

	private HttpConnection(Socket socket, String hostHeader) throws IOException {
		this.socket = socket;
		this.hostHeader = hostHeader;
		this.in = new BufferedInputStream(socket.getInputStream(), BUFFER_SIZE);
		this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_SIZE);
	}

	/** Connects to the server of {@code uri} (its scheme, host and port). */
	static HttpConnection open(URI uri, int connectTimeoutMs) throws IOException {
		boolean tls = "https".equalsIgnoreCase(uri.getScheme());
		String host = uri.getHost();
		if (host == null) {
			throw new IOException("no host in " + uri);
		}
		int port = (uri.getPort() >= 0) ? uri.getPort() : tls ? 443 : 80;
		Socket socket = new Socket();
		try {
			socket.setTcpNoDelay(true);
			socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
			if (tls) {
				SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket,
						host, port, true);
				SSLParameters parameters = secure.getSSLParameters();
				parameters.setEndpointIdentificationAlgorithm("HTTPS");
				secure.setSSLParameters(parameters);
				secure.startHandshake();
				socket = secure;
			}
		}
		catch (IOException ex) {
			socket.close();
			throw ex;
		}
		String hostHeader = (host.contains(":") ? "[" + host + "]" : host)
				+ ((uri.getPort() >= 0) ? ":" + uri.getPort() : "");
		return new HttpConnection(socket, hostHeader);
	}

	/** Whether another request may follow on this connection. */
	boolean reusable() {
		return this.reusable && !this.socket.isClosed();
	}

	/**
	 * Sends a request and reads the response's head; the caller reads its body to the end
	 * before it sends the next request on this connection.
	 * @param target the path and query
	 * @param headers name and value, alternately
	 * @param body what to send, or null for nothing
	 * @param readTimeoutMs how long to wait for each read (0: as long as it takes)
	 */
	Response exchange(String method, String target, List<String> headers, @Nullable Upload body, int readTimeoutMs)
			throws IOException {
		this.socket.setSoTimeout(readTimeoutMs);
		StringBuilder head = new StringBuilder(256).append(method)
			.append(' ')
			.append(target)
			.append(" HTTP/1.1\r\nHost: ")
			.append(this.hostHeader)
			.append("\r\n");
		for (int i = 0; i + 1 < headers.size(); i += 2) {
			head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
		}
		if (body == null) {
			if (!method.equals("GET") && !method.equals("DELETE")) {
				head.append("Content-Length: 0\r\n");
			}
		}
		else if (body.length() >= 0) {
			head.append("Content-Length: ").append(body.length()).append("\r\n");
		}
		else {
			head.append("Transfer-Encoding: chunked\r\n");
		}
		head.append("\r\n");
		try {
			this.out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				if (body.length() >= 0) {
					body.writeTo(this.out);
				}
				else {
					ChunkedOutputStream chunked = new ChunkedOutputStream(this.out);
					body.writeTo(chunked);
					chunked.finish();
				}
			}
			this.out.flush();
		}
		catch (IOException ex) {
			// A server that refuses a body (too large, not allowed) may answer and close
			// before
			// it is all sent: its answer says more than the broken pipe does.
			this.reusable = false;
			try {
				return readResponse(method);
			}
			catch (IOException noAnswer) {
				throw ex;
			}
		}
		return readResponse(method);
	}

	private Response readResponse(String method) throws IOException {
		String statusLine = line();
		int status = status(statusLine);
		Map<String, String> headers = headers();
		while (status >= 100 && status < 200) {
			statusLine = line();
			status = status(statusLine);
			headers = headers();
		}
		if ("close".equalsIgnoreCase(headers.get("connection"))) {
			this.reusable = false;
		}
		InputStream body;
		String length = headers.get("content-length");
		if (method.equals("HEAD") || status == 204 || status == 304) {
			body = InputStream.nullInputStream();
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = new ChunkedInputStream(this.in);
		}
		else if (length != null) {
			try {
				body = new BoundedInputStream(this.in, Long.parseLong(length.trim()));
			}
			catch (NumberFormatException ex) {
				throw new IOException("invalid Content-Length: " + length);
			}
		}
		else {
			// Delimited by the end of the connection.
			this.reusable = false;
			body = new FilterInputStream(this.in) {
				@Override
				public void close() {
					// the connection is closed with the client
				}
			};
		}
		return new Response(status, headers, body);
	}

	private static int status(String statusLine) throws IOException {
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
			throw new IOException("not an HTTP/1.1 answer: " + statusLine);
		}
		try {
			return Integer.parseInt(statusLine.substring(9, 12));
		}
		catch (NumberFormatException ex) {
			throw new IOException("not an HTTP/1.1 answer: " + statusLine);
		}
	}

	private Map<String, String> headers() throws IOException {
		Map<String, String> headers = new HashMap<>();
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
						header.substring(colon + 1).trim());
			}
		}
		return headers;
	}

	private String line() throws IOException {
		return readLine(this.in);
	}

	/** A line of a response's head or chunk framing, without its CRLF; at most 64 KiB. */
	static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder(64);
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c < 0) {
				throw new EOFException("the server closed the connection");
			}
			if (c != '\r') {
				line.append((char) c);
			}
			if (line.length() > BUFFER_SIZE) {
				throw new IOException("a line of the answer is too long");
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/**
	 * A response: its status, its headers (names in lower case) and its body, to read
	 * once; closing the body leaves the connection open.
	 */
	record Response(int status, Map<String, String> headers, InputStream body) {

		@Nullable String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		long contentLength() {
			String length = header("Content-Length");
			try {
				return (length != null) ? Long.parseLong(length.trim()) : -1;
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

	}

	/**
	 * What a request sends: bytes of a known length, or -1 for a stream of unknown
	 * length, sent chunked. The source is read as it is sent and closed at the end.
	 */
	record Upload(InputStream source, long length) {

		static Upload of(byte[] bytes) {
			return new Upload(new ByteArrayInputStream(bytes), bytes.length);
		}

		void writeTo(OutputStream out) throws IOException {
			try (InputStream in = this.source) {
				byte[] buffer = new byte[BUFFER_SIZE];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					out.write(buffer, 0, n);
				}
			}
		}

	}

	/** The body of a response with a {@code Content-Length}. */
	private static final class BoundedInputStream extends FilterInputStream {

		private long left;

		BoundedInputStream(InputStream in, long length) {
			super(in);
			this.left = length;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.left == 0) {
				return -1;
			}
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.left));
			if (n < 0) {
				throw new EOFException("the answer ended " + this.left + " bytes early");
			}
			this.left -= n;
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = 0;
			byte[] buffer = new byte[8192];
			while (skipped < n && this.left > 0) {
				int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
				skipped += read;
			}
			return skipped;
		}

		@Override
		public void close() {
			// the connection stays open
		}

	}

	/** The body of a chunked response. */
	private static final class ChunkedInputStream extends FilterInputStream {

		private long left;

		private boolean done;

		ChunkedInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.done) {
				return -1;
			}
			if (this.left == 0) {
				String size = readLine(this.in);
				int extension = size.indexOf(';');
				try {
					this.left = Long.parseLong(((extension >= 0) ? size.substring(0, extension) : size).trim(), 16);
				}
				catch (NumberFormatException ex) {
					throw new IOException("invalid chunk size: " + size);
				}
				if (this.left == 0) {
					while (!readLine(this.in).isEmpty()) {
						// trailers, ignored
					}
					this.done = true;
					return -1;
				}
			}
			int n = this.in.read(buffer, offset, (int) Math.min(length, this.left));
			if (n < 0) {
				throw new EOFException("the answer ended inside a chunk");
			}
			this.left -= n;
			if (this.left == 0) {
				readLine(this.in);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = 0;
			byte[] buffer = new byte[8192];
			while (skipped < n) {
				int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
				if (read < 0) {
					break;
				}
				skipped += read;
			}
			return skipped;
		}

		@Override
		public void close() {
			// the connection stays open
		}

	}

	/**
	 * Writes what it is given as chunks of a request body, each as large as the write.
	 */
	private static final class ChunkedOutputStream extends OutputStream {

		private final OutputStream out;

		ChunkedOutputStream(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			if (length > 0) {
				this.out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				this.out.write(buffer, offset, length);
				this.out.write(CRLF);
			}
		}

		void finish() throws IOException {
			this.out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		private static final byte[] CRLF = { '\r', '\n' };

	}

}
