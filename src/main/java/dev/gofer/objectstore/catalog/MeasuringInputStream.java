package dev.gofer.objectstore.catalog;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.gofer.objectstore.error.TooLargeException;

/**
 * Counts and hashes what passes through, and fails as soon as more than {@code maxBytes}
 * have passed, so an oversized upload is cut off while it streams instead of after it is
 * stored.
 */
final class MeasuringInputStream extends FilterInputStream {

	private final MessageDigest digest;

	private final long maxBytes;

	private long count;

	MeasuringInputStream(InputStream in, long maxBytes) {
		super(in);
		this.maxBytes = maxBytes;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	@Override
	public int read() throws IOException {
		int b = this.in.read();
		if (b >= 0) {
			this.digest.update((byte) b);
			advance(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = this.in.read(buffer, offset, length);
		if (n > 0) {
			this.digest.update(buffer, offset, n);
			advance(n);
		}
		return n;
	}

	@Override
	public long skip(long n) {
		throw new UnsupportedOperationException("Every byte must be hashed");
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	/** Bytes read so far. */
	long count() {
		return this.count;
	}

	/** The SHA-256 of everything read, lowercase hex; call once, at the end. */
	String sha256() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	private void advance(int n) {
		this.count += n;
		if (this.count > this.maxBytes) {
			throw new TooLargeException("The body exceeds the limit of " + this.maxBytes + " bytes");
		}
	}

}
