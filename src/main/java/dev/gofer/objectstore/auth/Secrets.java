package dev.gofer.objectstore.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Token secrets: {@code gofer_<id>_<256 random bits>}. The id finds the stored hash; the
 * random part is what makes the secret unguessable. Hashes are compared in constant time.
 */
final class Secrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String PREFIX = "gofer_";

	private Secrets() {
	}

	/** A new token id: 64 random bits, hex. */
	static String newId() {
		byte[] id = new byte[8];
		RANDOM.nextBytes(id);
		return HexFormat.of().formatHex(id);
	}

	static String newSecret(String id) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		return PREFIX + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * The id inside a secret, or null if it has not this form (the admin token need not).
	 */
	static @Nullable String idOf(String secret) {
		if (!secret.startsWith(PREFIX)) {
			return null;
		}
		int end = secret.indexOf('_', PREFIX.length());
		return end < 0 ? null : secret.substring(PREFIX.length(), end);
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	static String sha256Hex(String secret) {
		return HexFormat.of().formatHex(sha256(secret));
	}

	/** Compares two hashes in time that does not depend on where they differ. */
	static boolean sameHash(byte[] a, byte[] b) {
		return MessageDigest.isEqual(a, b);
	}

}
