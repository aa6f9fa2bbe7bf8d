package dev.gofer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A server under test: where it listens, its process id (for memory figures), the headers
 * that authenticate a request to it, and how an object {@code key} in a group of objects
 * {@code area} is addressed on it. On the service an area is a pipeline of the namespace
 * {@code bench}; on nginx a directory; on s3proxy a bucket.
 *
 * @param name how the report names it ("service", "service (scoped token)", "nginx",
 * "s3proxy")
 * @param authorization the {@code Authorization} header's value, or "" for none
 */
record Target(String name, Kind kind, String host, int port, long pid, String authorization) {

	enum Kind {

		SERVICE, NGINX, S3

	}

	static final byte[] NO_BODY = new byte[0];

	/** Parses {@code host:port:pid}; only loopback addresses are accepted. */
	static Target parse(String name, Kind kind, String spec, String authorization) {
		String[] parts = spec.split(":");
		if (parts.length != 3) {
			throw new IllegalArgumentException(name + " must be host:port:pid, got " + spec);
		}
		if (!parts[0].equals("127.0.0.1") && !parts[0].equals("localhost")) {
			throw new IllegalArgumentException("The benchmark only talks to loopback, not " + parts[0]);
		}
		return new Target(name, kind, parts[0], Integer.parseInt(parts[1]), Long.parseLong(parts[2]), authorization);
	}

	/** The same server, reached with another token. */
	Target as(String otherName, String otherAuthorization) {
		return new Target(otherName, this.kind, this.host, this.port, this.pid, otherAuthorization);
	}

	Http connect() {
		return new Http(this.host, this.port, 300_000);
	}

	boolean isService() {
		return this.kind == Kind.SERVICE;
	}

	String url() {
		return "http://" + this.host + ":" + this.port;
	}

	String objectPath(String area, String key) {
		return areaPath(area) + key;
	}

	/** What comes before an object's key in its path. */
	String areaPath(String area) {
		return switch (this.kind) {
			case SERVICE -> pipelinePath(area) + "/objects/";
			case NGINX, S3 -> "/" + area + "/";
		};
	}

	static String pipelinePath(String pipeline) {
		return "/api/namespaces/bench/pipelines/" + pipeline;
	}

	List<String> auth() {
		return this.authorization.isEmpty() ? List.of() : List.of("Authorization: " + this.authorization);
	}

	/** Headers of a request carrying a body. */
	List<String> uploadHeaders() {
		List<String> headers = new ArrayList<>(auth());
		headers.add("Content-Type: application/octet-stream");
		return headers;
	}

	/**
	 * Stores {@code body} under {@code key} in {@code area}, failing on any answer but
	 * 2xx.
	 */
	void put(Http http, String area, String key, byte[] body) throws IOException {
		Http.Response response = http.send("PUT", objectPath(area, key), uploadHeaders(), body);
		if (!response.ok()) {
			throw new IOException("PUT " + key + " on " + this.name + " answered " + response.status());
		}
	}

	/** A service call with a JSON body (or none), failing on any answer but 2xx. */
	Http.Response call(Http http, String method, String path, String json) throws IOException {
		List<String> headers = new ArrayList<>(auth());
		byte[] body = NO_BODY;
		if (json != null) {
			headers.add("Content-Type: application/json");
			body = json.getBytes(StandardCharsets.UTF_8);
		}
		Http.Response response = http.send(method, path, headers, body);
		if (!response.ok()) {
			throw new IOException(method + " " + path + " answered " + response.status() + ": " + response.text());
		}
		return response;
	}

	/**
	 * Sets a pipeline's limits on the service (creating it), e.g.
	 * {@code "object_limit":100}.
	 */
	void limits(String pipeline, String fields) throws IOException {
		try (Http http = connect()) {
			call(http, "PATCH", pipelinePath(pipeline), "{" + fields + "}");
		}
	}

	/**
	 * Makes sure the area exists where the server needs it to: the bucket on s3proxy
	 * (nginx creates directories as it writes, the service pipelines).
	 */
	void prepare(String area) throws IOException {
		if (this.kind == Kind.S3) {
			try (Http http = connect()) {
				Http.Response response = http.send("PUT", "/" + area, auth(), NO_BODY);
				// 409 BucketAlreadyOwnedByYou on a second run against the same s3proxy.
				if (!response.ok() && response.status() != 409) {
					throw new IOException("Creating the bucket " + area + " on s3proxy answered " + response.status());
				}
			}
		}
	}

}
