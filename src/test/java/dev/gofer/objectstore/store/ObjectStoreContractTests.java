package dev.gofer.objectstore.store;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every engine must do, whatever holds its bytes. Each engine has a subclass that
 * supplies a real store: a SQLite or PostgreSQL database, a directory, an S3 server.
 */
public abstract class ObjectStoreContractTests {

	private static final AtomicLong ids = new AtomicLong(System.nanoTime() & 0xffffffffL);

	protected ObjectStore store;

	/** A store on fresh storage, for one test. */
	protected abstract ObjectStore createStore() throws Exception;

	/**
	 * How large a blob must be to cross the engine's internal boundaries (chunks, parts).
	 */
	protected int largeSize() {
		return 3 * 1024 * 1024 + 123;
	}

	@BeforeEach
	void create() throws Exception {
		this.store = createStore();
	}

	@Test
	protected void writtenBytesReadBackWholeAndInRanges() throws IOException {
		byte[] content = random(largeSize());
		long id = newId();
		assertThat(this.store.write(id, new ByteArrayInputStream(content))).isEqualTo(content.length);
		assertThat(read(id, 0, content.length)).isEqualTo(content);
		assertThat(read(id, 10, 100)).isEqualTo(Arrays.copyOfRange(content, 10, 110));
		int tail = content.length - 1_000_000;
		assertThat(read(id, tail, content.length - tail)).isEqualTo(Arrays.copyOfRange(content, tail, content.length));
		assertThat(read(id, content.length - 1, 1)).containsExactly(content[content.length - 1]);
	}

	@Test
	protected void blobsAroundBufferSizesReadBackIntact() throws IOException {
		// Engines size their buffers by what they read first (16 KiB, 64 KiB chunks in
		// the tests):
		// each size here sits on or next to such a boundary, and arrives in uneven
		// pieces.
		for (int size : new int[] { 1, 8191, 16383, 16384, 16385, 65535, 65536, 65537, 131072, 131073, 196608 }) {
			byte[] content = random(size);
			long id = newId();
			assertThat(this.store.write(id, new TricklingInputStream(content, 7000))).as("size %d", size)
				.isEqualTo(size);
			assertThat(read(id, 0, size)).as("size %d", size).isEqualTo(content);
		}
	}

	/** Hands out at most {@code piece} bytes per read, as a network stream does. */
	private static final class TricklingInputStream extends FilterInputStream {

		private final int piece;

		TricklingInputStream(byte[] content, int piece) {
			super(new ByteArrayInputStream(content));
			this.piece = piece;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return super.read(b, off, Math.min(len, this.piece));
		}

	}

	@Test
	protected void zeroByteBlobExists() throws IOException {
		long id = newId();
		assertThat(this.store.write(id, InputStream.nullInputStream())).isZero();
		assertThat(read(id, 0, 0)).isEmpty();
	}

	@Test
	protected void unknownBlobIsAbsent() {
		assertThat(this.store.open(newId(), 0, 1)).isEmpty();
	}

	@Test
	protected void deleteRemovesAndIsIdempotent() throws IOException {
		long id = newId();
		this.store.write(id, new ByteArrayInputStream(random(1000)));
		this.store.delete(id);
		assertThat(this.store.open(id, 0, 1000)).isEmpty();
		this.store.delete(id);
		this.store.delete(newId());
	}

	@Test
	protected void everyWrittenBlobIsListedUntilDeleted() throws IOException {
		long kept = newId();
		long deleted = newId();
		this.store.write(kept, new ByteArrayInputStream(random(10)));
		this.store.write(deleted, new ByteArrayInputStream(random(10)));
		this.store.delete(deleted);
		assertThat(listed()).contains(kept).doesNotContain(deleted);
	}

	@Test
	protected void failedWriteLeavesNothingAfterDelete() throws IOException {
		long id = newId();
		InputStream failing = new InputStream() {
			private int left = largeSize();

			@Override
			public int read() throws IOException {
				if (this.left-- <= 0) {
					throw new IOException("client went away");
				}
				return 7;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (this.left <= 0) {
					throw new IOException("client went away");
				}
				int n = Math.min(len, this.left);
				Arrays.fill(b, off, off + n, (byte) 7);
				this.left -= n;
				return n;
			}
		};
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.store.write(id, failing))
			.withMessage("client went away");
		this.store.delete(id);
		assertThat(this.store.open(id, 0, 1)).isEmpty();
		assertThat(listed()).doesNotContain(id);
	}

	@Test
	protected void storeIsReachable() {
		this.store.checkReachable();
	}

	protected long newId() {
		return ids.incrementAndGet();
	}

	protected byte[] read(long id, long offset, long length) throws IOException {
		Optional<InputStream> opened = this.store.open(id, offset, length);
		assertThat(opened).as("blob " + id).isPresent();
		try (InputStream in = opened.get()) {
			return in.readAllBytes();
		}
	}

	protected List<Long> listed() {
		List<Long> listed = new ArrayList<>();
		this.store.forEachBlobId(listed::add);
		return listed;
	}

	protected static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}

}
