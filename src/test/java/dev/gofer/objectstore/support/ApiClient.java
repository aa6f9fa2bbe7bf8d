package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the service under test: real requests, raw bytes, no generated
 * code.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final String baseUrl;

	private final String token;

	/**
	 * @param token sent as {@code Authorization: Bearer <token>} on every request; null
	 * for none
	 */
	public ApiClient(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/**
	 * A client with the admin token that {@link IntegrationTest} and {@link GoferProcess}
	 * configure.
	 */
	public static ApiClient onPort(int port) {
		return new ApiClient("http://localhost:" + port, IntegrationTest.ADMIN_TOKEN);
	}

	/** The same server with another token; null for none. */
	public ApiClient withToken(String otherToken) {
		return new ApiClient(this.baseUrl, otherToken);
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Reply get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Reply head(String path, String... headers) {
		return send("HEAD", path, null, headers);
	}

	public Reply delete(String path, String... headers) {
		return send("DELETE", path, null, headers);
	}

	public Reply post(String path, String body, String... headers) {
		return send("POST", path, body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public Reply post(String path, byte[] body, String... headers) {
		return send("POST", path, body, headers);
	}

	public Reply put(String path, String body, String... headers) {
		return send("PUT", path, body.getBytes(StandardCharsets.UTF_8), headers);
	}

	public Reply put(String path, byte[] body, String... headers) {
		return send("PUT", path, body, headers);
	}

	public Reply patch(String path, String json) {
		return send("PATCH", path, json.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json");
	}

	/**
	 * Sends a request.
	 * @param body null for none
	 * @param headers alternating names and values
	 */
	public Reply send(String method, String path, byte[] body, String... headers) {
		HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofByteArray(body);
		return exchange(request(method, path, headers).method(method, publisher).build());
	}

	/**
	 * Sends a streamed body of unknown length (chunked), such as a generated large
	 * object.
	 */
	public Reply stream(String method, String path, Supplier<InputStream> body, String... headers) {
		return exchange(
				request(method, path, headers).method(method, HttpRequest.BodyPublishers.ofInputStream(body)).build());
	}

	/** Opens a download as a stream, so that large objects need not fit in memory. */
	public HttpResponse<InputStream> open(String path, String... headers) {
		try {
			return this.http.send(request("GET", path, headers).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest.Builder request(String method, String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofMinutes(10));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private Reply exchange(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A response with its whole body. */
	public record Reply(HttpResponse<byte[]> response) {

		public int status() {
			return this.response.statusCode();
		}

		public byte[] bytes() {
			return this.response.body();
		}

		public String text() {
			return new String(this.response.body(), StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.response.body());
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.response.request().method() + " " + this.response.request().uri() + " -> " + status() + " "
					+ text();
		}

	}

}
