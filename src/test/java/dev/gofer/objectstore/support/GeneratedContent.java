package dev.gofer.objectstore.support;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A large body made up on the fly: deterministic pseudo-random bytes, hashed with SHA-256
 * as they are read, so that tests can send gigabytes without holding them. Any byte can
 * be computed from its position alone (see {@link #bytesAt}), which lets a test check a
 * range of a download without generating what comes before it. The count of bytes read so
 * far may be watched from another thread.
 */
public final class GeneratedContent extends InputStream {

	private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final int BLOCK_SIZE = 1 << 20;

	private final long seed;

	private final long size;

	private final MessageDigest digest = sha256Digest();

	private final byte[] block = new byte[BLOCK_SIZE];

	private int blockPosition;

	private int blockLength;

	private volatile long position;

	public GeneratedContent(long seed, long size) {
		this.seed = seed;
		this.size = size;
	}

	/**
	 * The {@code length} bytes that a stream with this seed yields from {@code offset}
	 * on.
	 */
	public static byte[] bytesAt(long seed, long offset, int length) {
		byte[] bytes = new byte[length];
		fill(seed, offset, bytes, 0, length);
		return bytes;
	}

	/** A SHA-256 digest, which every Java runtime has. */
	public static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Bytes read so far. */
	public long position() {
		return this.position;
	}

	/**
	 * The SHA-256 of the bytes read, lowercase hex; call once, after the end was read.
	 */
	public String sha256() {
		return HexFormat.of().formatHex(this.digest.digest());
	}

	@Override
	public int read() {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (this.blockPosition == this.blockLength && !nextBlock()) {
			return -1;
		}
		int n = Math.min(length, this.blockLength - this.blockPosition);
		System.arraycopy(this.block, this.blockPosition, buffer, offset, n);
		this.blockPosition += n;
		this.position += n;
		return n;
	}

	@Override
	public int available() {
		return (int) Math.min(Integer.MAX_VALUE, this.size - this.position);
	}

	/**
	 * Generates and hashes the next block. Hashing 1 MiB blocks of our own, not each
	 * buffer the HTTP client passes (16 KiB, freshly allocated), matters: the latter made
	 * JDK 25's SHA-256 intrinsic run about ten times slower on a CPU with AVX-512 and
	 * SHA-NI, the upload's bottleneck.
	 */
	private boolean nextBlock() {
		long generated = this.position + this.blockLength - this.blockPosition;
		if (generated >= this.size) {
			return false;
		}
		int n = (int) Math.min(BLOCK_SIZE, this.size - generated);
		fill(this.seed, generated, this.block, 0, n);
		this.digest.update(this.block, 0, n);
		this.blockPosition = 0;
		this.blockLength = n;
		return true;
	}

	private static void fill(long seed, long position, byte[] buffer, int offset, int length) {
		int i = 0;
		for (; i < length && ((position + i) & 7) != 0; i++) {
			buffer[offset + i] = byteAt(seed, position + i);
		}
		// Whole words in one write each: several times faster than byte by byte.
		for (long word = (position + i) >>> 3; i + Long.BYTES <= length; i += Long.BYTES, word++) {
			WORDS.set(buffer, offset + i, mix(seed + word));
		}
		for (; i < length; i++) {
			buffer[offset + i] = byteAt(seed, position + i);
		}
	}

	private static byte byteAt(long seed, long position) {
		return (byte) (mix(seed + (position >>> 3)) >>> ((position & 7) << 3));
	}

	/** SplitMix64's finalizer: a cheap, well-spread function of a word's index. */
	private static long mix(long index) {
		long z = index * 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
