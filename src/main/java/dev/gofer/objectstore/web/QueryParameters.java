package dev.gofer.objectstore.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.InvalidInputException;

/**
 * Reads query parameters of upload requests from the query string alone. The servlet
 * API's {@code getParameter} would read a form-encoded body to find them, consuming the
 * upload (as {@code curl -d} sends).
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	public static boolean flag(HttpServletRequest request, String name) {
		String value = value(request.getQueryString(), name);
		if (value == null || value.equalsIgnoreCase("false")) {
			return false;
		}
		if (value.isEmpty() || value.equalsIgnoreCase("true")) {
			return true;
		}
		throw new InvalidInputException("Query parameter '" + name + "' must be true or false");
	}

	private static @Nullable String value(@Nullable String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String key = equals < 0 ? pair : pair.substring(0, equals);
			if (decode(key).equals(name)) {
				return equals < 0 ? "" : decode(pair.substring(equals + 1));
			}
		}
		return null;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("The query string is not validly percent-encoded");
		}
	}

}
