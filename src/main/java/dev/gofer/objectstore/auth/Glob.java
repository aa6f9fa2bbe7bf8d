package dev.gofer.objectstore.auth;

import java.util.regex.Pattern;

import dev.gofer.objectstore.error.InvalidInputException;

/**
 * A name pattern in a token's scope: {@code *} matches any run of characters, {@code ?}
 * one.
 */
public record Glob(String text, Pattern pattern) {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_*?-]{1,64}");

	static Glob of(String text) {
		if (!VALID.matcher(text).matches()) {
			throw new InvalidInputException("Invalid glob '" + (text.length() > 80 ? text.substring(0, 80) : text)
					+ "': use 1 to 64 characters of A-Z, a-z, 0-9, '_', '-', '*' and '?'");
		}
		// The alphabet above holds no regex metacharacters but the two wildcards.
		return new Glob(text, Pattern.compile(text.replace("*", ".*").replace("?", ".")));
	}

	boolean matches(String name) {
		return this.pattern.matcher(name).matches();
	}

	boolean matchesEverything() {
		return this.text.chars().allMatch(c -> c == '*');
	}

}
