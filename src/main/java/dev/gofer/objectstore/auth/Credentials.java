package dev.gofer.objectstore.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.UnauthenticatedException;

/**
 * The token in an {@code Authorization} header of a cache protocol:
 * {@code Bearer <token>}, or HTTP Basic with any user name and the token as the password,
 * which is all that some tools can send (Gradle's credentials, a
 * {@code http://user:TOKEN@host/} URL).
 */
final class Credentials {

	private static final String BEARER = "Bearer ";

	private static final String BASIC = "Basic ";

	private Credentials() {
	}

	/**
	 * @throws UnauthenticatedException when the header is missing or holds neither form
	 */
	static String token(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw new UnauthenticatedException(
					"This endpoint needs a token: 'Authorization: Bearer <token>', or Basic with the token "
							+ "as password");
		}
		String value = header.trim();
		if (startsWith(value, BEARER)) {
			return nonEmpty(value.substring(BEARER.length()).trim());
		}
		if (startsWith(value, BASIC)) {
			return nonEmpty(password(value.substring(BASIC.length()).trim()));
		}
		throw new UnauthenticatedException(
				"The Authorization header must be 'Bearer <token>' or 'Basic <credentials>'");
	}

	private static String password(String encoded) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new UnauthenticatedException("The Basic credentials are not valid base64");
		}
		int colon = decoded.indexOf(':');
		if (colon < 0) {
			throw new UnauthenticatedException("The Basic credentials must be 'user:token'");
		}
		return decoded.substring(colon + 1);
	}

	private static String nonEmpty(String token) {
		if (token.isEmpty()) {
			throw new UnauthenticatedException("The Authorization header holds no token");
		}
		return token;
	}

	private static boolean startsWith(String value, String scheme) {
		return value.length() > scheme.length() && value.regionMatches(true, 0, scheme, 0, scheme.length());
	}

}
