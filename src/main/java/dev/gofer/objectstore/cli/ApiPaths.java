package dev.gofer.objectstore.cli;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The server's URL paths. Every identifier is percent-encoded, so that a mistyped one
 * (with a space or a slash) reaches the server as one segment and comes back as a clear
 * 400, instead of reaching another endpoint.
 */
final class ApiPaths {

	private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

	private ApiPaths() {
	}

	static String pipeline(String namespace, String pipeline) {
		return "/api/namespaces/" + encode(namespace) + "/pipelines/" + encode(pipeline);
	}

	static String runs(String namespace, String pipeline) {
		return pipeline(namespace, pipeline) + "/runs";
	}

	static String run(String namespace, String pipeline, long runId) {
		return runs(namespace, pipeline) + "/" + runId;
	}

	/** The objects of a pipeline, or of one of its runs when {@code runId} is given. */
	static String objects(String namespace, String pipeline, @Nullable Long runId) {
		return ((runId != null) ? run(namespace, pipeline, runId) : pipeline(namespace, pipeline)) + "/objects";
	}

	/**
	 * Percent-encodes everything but RFC 3986's unreserved characters, for a path segment
	 * or a query value.
	 */
	static String encode(String value) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			if (b >= 0 && UNRESERVED.indexOf(b) >= 0) {
				encoded.append((char) b);
			}
			else {
				encoded.append('%')
					.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
					.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
			}
		}
		return encoded.toString();
	}

}
