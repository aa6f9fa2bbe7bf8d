package dev.gofer.objectstore.web;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

	/**
	 * Whether every {@code %} of the query starts a {@code %XX} escape and the escaped
	 * bytes are UTF-8, as Tomcat's decoding of parameters requires.
	 */
	public static boolean isWellFormed(String query) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c != '%') {
				bytes.write(c);
				continue;
			}
			int high = i + 1 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
			int low = i + 2 < query.length() ? Character.digit(query.charAt(i + 2), 16) : -1;
			if (high < 0 || low < 0) {
				return false;
			}
			bytes.write(high << 4 | low);
			i += 2;
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
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
