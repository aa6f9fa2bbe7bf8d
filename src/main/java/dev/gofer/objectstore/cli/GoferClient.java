package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import org.jspecify.annotations.Nullable;

/**
 * The object store's HTTP API on {@code java.net.http}: sends the token and API version,
 * turns error answers into a {@link CliException} carrying the problem's {@code detail},
 * and streams bodies both ways.
 */
final class GoferClient implements AutoCloseable {

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/** For calls that exchange small JSON documents; transfers have no overall limit. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final HttpClient http;

	private final Settings settings;

	GoferClient(Settings settings) {
		this.settings = settings;
		// HTTP/1.1: over plain HTTP, asking for HTTP/2 costs an upgrade attempt that the
		// server refuses anyway.
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(CONNECT_TIMEOUT);
		if ("http".equalsIgnoreCase(settings.host().getScheme())) {
			plainHttpOnly(builder);
		}
		this.http = builder.build();
	}

	/**
	 * Without an SSL context of its own, the client initialises the JVM's default one,
	 * loading the trusted certificates: a tenth of a plain-HTTP command's run time. An
	 * uninitialised context does for a client that never opens a TLS connection (it
	 * follows no redirects).
	 */
	private static void plainHttpOnly(HttpClient.Builder builder) {
		try {
			builder.sslContext(SSLContext.getInstance("TLS")).sslParameters(new SSLParameters());
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java runtime has TLS; if not, the default context will have to do
		}
	}

	/**
	 * Stops the client's selector thread. Until it stops, the JVM's exit waits up to 300
	 * ms for it (a thread blocked in native code), more than the whole command takes
	 * otherwise.
	 */
	@Override
	public void close() {
		this.http.shutdownNow();
		try {
			this.http.awaitTermination(Duration.ofMillis(200));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
		return call(method, path, BodyPublishers.noBody(), null);
	}

	Reply call(String method, String path, BodyPublisher body, @Nullable String contentType) {
		HttpRequest.Builder request = request(path).timeout(CALL_TIMEOUT).method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return Reply.of(send(request.build()));
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

	/** Uploads a body, streamed as the publisher produces it. */
	Reply upload(String path, BodyPublisher body, String contentType) {
		return Reply.of(send(request(path).header("Content-Type", contentType).POST(body).build()));
	}

	/** Opens a download; the caller reads and closes the body. */
	HttpResponse<InputStream> download(String path) {
		return send(request(path).GET().build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.settings.host() + path))
			.header("gofer-api-version", "v0")
			.header("User-Agent", "gofer-cli");
		if (this.settings.token() != null) {
			builder.header("Authorization", "Bearer " + this.settings.token());
		}
		return builder;
	}

	private HttpResponse<InputStream> send(HttpRequest request) {
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.UNAVAILABLE,
					"Cannot reach the Gofer server at " + this.settings.host() + ": " + reason(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCode.ERROR, "Interrupted");
		}
		if (response.statusCode() / 100 != 2) {
			throw failure(response);
		}
		return response;
	}

	private CliException failure(HttpResponse<InputStream> response) {
		int status = response.statusCode();
		String detail = null;
		try (InputStream body = response.body()) {
			String contentType = response.headers().firstValue("Content-Type").orElse("");
			if (contentType.contains("json")) {
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
		if (ex instanceof HttpConnectTimeoutException) {
			return "the connection timed out";
		}
		if (ex instanceof HttpTimeoutException) {
			return "no answer in time";
		}
		if (ex instanceof ConnectException) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnresolvedAddressException) {
					return "unknown host";
				}
			}
			return "connection refused";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	/** A whole, successful answer with a small body. */
	record Reply(int status, String body) {

		static Reply of(HttpResponse<InputStream> response) {
			try (InputStream body = response.body()) {
				return new Reply(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
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
