package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.cli.HttpConnection.Response;
import dev.gofer.objectstore.cli.HttpConnection.Upload;

/**
 * The object store's HTTP API: sends the token and API version, turns error answers into
 * a {@link CliException} carrying the problem's {@code detail}, and streams bodies both
 * ways. Its requests share one connection ({@link HttpConnection}) while the server keeps
 * it open.
 */
final class GoferClient implements AutoCloseable {

	private static final int CONNECT_TIMEOUT_MS = 10_000;

	/** For calls that exchange small JSON documents; transfers have no limit. */
	private static final int CALL_TIMEOUT_MS = 60_000;

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final Settings settings;

	private @Nullable HttpConnection connection;

	GoferClient(Settings settings) {
		this.settings = settings;
	}

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

	Settings settings() {
		return this.settings;
	}

	/**
	 * A small JSON exchange; fails with the server's problem detail unless the status is
	 * 2xx.
	 */
	Reply call(String method, String path) {
		return call(method, path, null);
	}

	/** A small JSON exchange with a JSON document to send, or none. */
	Reply call(String method, String path, @Nullable String json) {
		Upload body = (json != null) ? Upload.of(json.getBytes(StandardCharsets.UTF_8)) : null;
		return Reply.of(send(method, path, (json != null) ? "application/json" : null, body, CALL_TIMEOUT_MS));
	}

	/**
	 * Like {@link #call(String, String)} for a GET, but null when the server answers 404.
	 */
	@Nullable Reply getIfExists(String path) {
		try {
			return call("GET", path);
		}
		catch (CliException ex) {
			if (ex.exitCode() == ExitCode.NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

	/** Uploads a body, streamed as it is read. */
	Reply upload(String path, Upload body, String contentType) {
		return Reply.of(send("POST", path, contentType, body, 0));
	}

	/** Opens a download; the caller reads its body. */
	Response download(String path) {
		return send("GET", path, null, null, 0);
	}

	private Response send(String method, String path, @Nullable String contentType, @Nullable Upload body,
			int readTimeoutMs) {
		URI uri = URI.create(this.settings.host() + path);
		List<String> headers = new ArrayList<>(List.of("gofer-api-version", "v0", "User-Agent", "gofer-cli"));
		if (this.settings.token() != null) {
			headers.addAll(List.of("Authorization", "Bearer " + this.settings.token()));
		}
		if (contentType != null) {
			headers.addAll(List.of("Content-Type", contentType));
		}
		String target = uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		HttpConnection connection = connection();
		Response response;
		try {
			response = connection.exchange(method, target, headers, body, readTimeoutMs);
		}
		catch (IOException ex) {
			throw unreachable((ex instanceof SocketTimeoutException) ? "no answer in time" : reason(ex));
		}
		if (response.status() / 100 != 2) {
			throw failure(response);
		}
		return response;
	}

	private HttpConnection connection() {
		if (this.connection != null && this.connection.reusable()) {
			return this.connection;
		}
		close();
		try {
			this.connection = HttpConnection.open(this.settings.host(), CONNECT_TIMEOUT_MS);
			return this.connection;
		}
		catch (SocketTimeoutException ex) {
			throw unreachable("the connection timed out");
		}
		catch (IOException ex) {
			throw unreachable(reason(ex));
		}
	}

	private CliException unreachable(String reason) {
		return new CliException(ExitCode.UNAVAILABLE,
				"Cannot reach the Gofer server at " + this.settings.host() + ": " + reason);
	}

	private CliException failure(Response response) {
		int status = response.status();
		String detail = null;
		try (InputStream body = response.body()) {
			String contentType = response.header("Content-Type");
			if (contentType != null && contentType.contains("json")) {
				detail = Problems.detail(new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			// the status alone has to do
		}
		// Every answer of the object store carries problem details: without them,
		// something else answered.
		String message = (detail != null) ? detail : "HTTP " + status + " from " + this.settings.host()
				+ ", which does not answer like a Gofer object store";
		if ((status == 401 || status == 403) && this.settings.token() == null) {
			message += " (no token given: use --token, GOFER_TOKEN or the config file)";
		}
		return new CliException(ExitCode.forStatus(status), message);
	}

	/**
	 * Java's connection errors often have no message of their own; say what happened in
	 * words.
	 */
	private static String reason(IOException ex) {
		if (ex instanceof UnknownHostException) {
			return "unknown host";
		}
		if (ex instanceof ConnectException) {
			return "connection refused";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** A whole, successful answer with a small body. */
	record Reply(int status, String body) {

		static Reply of(Response response) {
			try (InputStream body = response.body()) {
				return new Reply(response.status(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new CliException(ExitCode.UNAVAILABLE, "The server's answer was cut off: " + ex.getMessage());
			}
		}

		Map<String, @Nullable Object> json() {
			return Json.parseObject(this.body);
		}

	}

	/** Reads RFC 9457 problem details. */
	static final class Problems {

		private Problems() {
		}

		/**
		 * The problem's detail (else its title) on one line, or null if the body is no
		 * problem.
		 */
		static @Nullable String detail(String body) {
			try {
				Map<String, @Nullable Object> problem = Json.parseObject(body);
				Object text = (problem.get("detail") instanceof String detail) ? detail : problem.get("title");
				return (text instanceof String value && !value.isBlank()) ? value.strip().replaceAll("\\s*\\R\\s*", " ")
						: null;
			}
			catch (CliException ex) {
				return null;
			}
		}

	}

}
