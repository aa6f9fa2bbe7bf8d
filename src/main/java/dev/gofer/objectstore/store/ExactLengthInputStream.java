package dev.gofer.objectstore.store;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Yields exactly {@code length} bytes of the underlying stream, for engines that read a
 * range of a blob. A source that ends sooner (a file truncated behind the service's back,
 * a connection that dropped) is an error, never a short read.
 */
public final class ExactLengthInputStream extends FilterInputStream {

	private long remaining;

	public ExactLengthInputStream(InputStream in, long length) {
		super(in);
		this.remaining = length;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (this.remaining <= 0) {
			return -1;
		}
		if (length == 0) {
			return 0;
		}
		int n = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
		if (n < 0) {
			throw new EOFException("The blob ended " + this.remaining + " bytes early");
		}
		this.remaining -= n;
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = this.in.skip(Math.min(n, this.remaining));
		this.remaining -= skipped;
		return skipped;
	}

	@Override
	public int available() throws IOException {
		return (int) Math.min(this.in.available(), this.remaining);
	}

}
