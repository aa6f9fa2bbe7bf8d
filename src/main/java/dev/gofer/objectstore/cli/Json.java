package dev.gofer.objectstore.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A small JSON reader for the server's answers. The client does not use Jackson: loading
 * and configuring it would cost more start-up time than a whole {@code gofer} command may
 * take. Objects become maps, arrays lists, integers {@code Long}, other numbers
 * {@code Double}.
 */
final class Json {

	private final String text;

	private int position;

	private Json(String text) {
		this.text = text;
	}

	/** Parses a document whose top level is an object. */
	static Map<String, @Nullable Object> parseObject(String text) {
		Json json = new Json(text);
		json.skipWhitespace();
		@Nullable Object value = json.value();
		json.skipWhitespace();
		if (json.position != text.length() || !(value instanceof Map<?, ?>)) {
			throw json.error("expected one JSON object");
		}
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) value;
		return object;
	}

	/** A member that must be an object. */
	static Map<String, @Nullable Object> object(Map<String, @Nullable Object> object, String name) {
		if (object.get(name) instanceof Map<?, ?> member) {
			@SuppressWarnings("unchecked")
			Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) member;
			return typed;
		}
		throw missing(name, "an object");
	}

	/** A member that must be an array of objects. */
	static List<Map<String, @Nullable Object>> objects(Map<String, @Nullable Object> object, String name) {
		if (object.get(name) instanceof List<?> list) {
			List<Map<String, @Nullable Object>> members = new ArrayList<>();
			for (Object element : list) {
				if (!(element instanceof Map<?, ?>)) {
					throw missing(name, "an array of objects");
				}
				@SuppressWarnings("unchecked")
				Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) element;
				members.add(typed);
			}
			return members;
		}
		throw missing(name, "an array");
	}

	static String string(Map<String, @Nullable Object> object, String name) {
		if (object.get(name) instanceof String value) {
			return value;
		}
		throw missing(name, "a string");
	}

	static long number(Map<String, @Nullable Object> object, String name) {
		Long value = optionalNumber(object, name);
		if (value == null) {
			throw missing(name, "a whole number");
		}
		return value;
	}

	static @Nullable Long optionalNumber(Map<String, @Nullable Object> object, String name) {
		Object value = object.get(name);
		if (value == null || value instanceof Long) {
			return (Long) value;
		}
		throw missing(name, "a whole number");
	}

	static boolean bool(Map<String, @Nullable Object> object, String name) {
		if (object.get(name) instanceof Boolean value) {
			return value;
		}
		throw missing(name, "true or false");
	}

	private static CliException missing(String name, String expected) {
		return new CliException(ExitCode.ERROR, "The server's answer lacks '" + name + "' as " + expected);
	}

	private @Nullable Object value() {
		char next = peek();
		return switch (next) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, @Nullable Object> object() {
		Map<String, @Nullable Object> object = new LinkedHashMap<>();
		expect('{');
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return object;
		}
		do {
			skipWhitespace();
			String name = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			object.put(name, value());
			skipWhitespace();
		}
		while (consume(','));
		expect('}');
		return object;
	}

	private List<@Nullable Object> array() {
		List<@Nullable Object> array = new ArrayList<>();
		expect('[');
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return array;
		}
		do {
			skipWhitespace();
			array.add(value());
			skipWhitespace();
		}
		while (consume(','));
		expect(']');
		return array;
	}

	private String string() {
		expect('"');
		StringBuilder builder = new StringBuilder();
		while (true) {
			char next = next();
			if (next == '"') {
				return builder.toString();
			}
			builder.append((next == '\\') ? escape() : next);
		}
	}

	private char escape() {
		char next = next();
		return switch (next) {
			case '"', '\\', '/' -> next;
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			case 'u' -> unicodeEscape();
			default -> throw error("invalid escape \\" + next);
		};
	}

	private char unicodeEscape() {
		if (this.position + 4 > this.text.length()) {
			throw error("truncated \\u escape");
		}
		try {
			char value = (char) Integer.parseInt(this.text, this.position, this.position + 4, 16);
			this.position += 4;
			return value;
		}
		catch (NumberFormatException ex) {
			throw error("invalid \\u escape");
		}
	}

	private Object number() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		try {
			return Long.parseLong(number);
		}
		catch (NumberFormatException ex) {
			// not an integer: a fraction, an exponent, or not a number at all
		}
		try {
			return Double.parseDouble(number);
		}
		catch (NumberFormatException ex) {
			this.position = start;
			throw error("unexpected '" + peek() + "'");
		}
	}

	private @Nullable Object literal(String word, @Nullable Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("unexpected '" + peek() + "'");
		}
		this.position += word.length();
		return value;
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private boolean consume(char expected) {
		if (this.position < this.text.length() && this.text.charAt(this.position) == expected) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(char expected) {
		if (!consume(expected)) {
			throw error("expected '" + expected + "'");
		}
	}

	private char peek() {
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.position);
	}

	private char next() {
		char next = peek();
		this.position++;
		return next;
	}

	private CliException error(String problem) {
		return new CliException(ExitCode.ERROR,
				"The server's answer is not the JSON expected (" + problem + " at character " + this.position + ")");
	}

}
