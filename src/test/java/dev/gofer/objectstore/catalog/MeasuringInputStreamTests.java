package dev.gofer.objectstore.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.gofer.objectstore.error.TooLargeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an upload's checksum and size come from: every byte passes through unchanged, in
 * order, the SHA-256 is that of the whole body however the caller reads, and a body past
 * the limit is refused while it streams.
 */
class MeasuringInputStreamTests {

	private static final int MIB = 1024 * 1024;

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, MIB - 1, MIB, MIB + 1, 5 * MIB + 17 })
	void passesEveryByteAndHashesThemAllWhenReadInChunks(int size) throws IOException {
		byte[] body = random(size);
		MeasuringInputStream measured = new MeasuringInputStream(new ByteArrayInputStream(body), Long.MAX_VALUE);
		ByteArrayOutputStream passed = new ByteArrayOutputStream();
		byte[] chunk = new byte[256 * 1024];
		int n;
		while ((n = measured.readNBytes(chunk, 0, chunk.length)) > 0) {
			passed.write(chunk, 0, n);
		}
		assertThat(passed.toByteArray()).isEqualTo(body);
		assertThat(measured.count()).isEqualTo(size);
		assertThat(measured.sha256()).isEqualTo(sha256(body));
	}

	@Test
	void hashesTheBytesReadEvenWhenTheCallerReusesItsBuffer() throws IOException {
		byte[] body = random(4 * MIB + 5);
		MeasuringInputStream measured = new MeasuringInputStream(new ByteArrayInputStream(body), Long.MAX_VALUE);
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int n;
		while ((n = measured.read(buffer, 0, buffer.length)) > 0) {
			total += n;
			// An engine may reuse its buffer as soon as read returns.
			Arrays.fill(buffer, (byte) 0x5a);
		}
		assertThat(total).isEqualTo(body.length);
		assertThat(measured.sha256()).isEqualTo(sha256(body));
	}

	@Test
	void keepsTheOrderOfBytesFromASourceThatTricklesAndReadsOfEverySize() throws IOException {
		byte[] body = random(3 * MIB + 333);
		MeasuringInputStream measured = new MeasuringInputStream(new Trickle(body, 997), Long.MAX_VALUE);
		ByteArrayOutputStream passed = new ByteArrayOutputStream();
		Random sizes = new Random(7);
		while (true) {
			if (sizes.nextInt(10) == 0) {
				int b = measured.read();
				if (b < 0) {
					break;
				}
				passed.write(b);
				continue;
			}
			byte[] buffer = new byte[1 + sizes.nextInt(300_000)];
			int n = measured.read(buffer, 0, buffer.length);
			if (n < 0) {
				break;
			}
			passed.write(buffer, 0, n);
		}
		assertThat(passed.toByteArray()).isEqualTo(body);
		assertThat(measured.sha256()).isEqualTo(sha256(body));
	}

	@Test
	void cutsOffABodyLargerThanTheLimitWhileItStreams() {
		InputStream endless = new InputStream() {

			@Override
			public int read() {
				return 1;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				Arrays.fill(buffer, offset, offset + length, (byte) 1);
				return length;
			}

		};
		MeasuringInputStream measured = new MeasuringInputStream(endless, 3L * MIB);
		assertThatExceptionOfType(TooLargeException.class)
			.isThrownBy(() -> measured.transferTo(OutputStream.nullOutputStream()));
		assertThat(measured.count()).isGreaterThan(3L * MIB).isLessThanOrEqualTo(4L * MIB);
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A source that gives at most {@code most} bytes per read, as a socket does. */
	private static final class Trickle extends ByteArrayInputStream {

		private final int most;

		Trickle(byte[] bytes, int most) {
			super(bytes);
			this.most = most;
		}

		@Override
		public synchronized int read(byte[] buffer, int offset, int length) {
			return super.read(buffer, offset, Math.min(length, this.most));
		}

	}

}
