package dev.gofer.objectstore.store.database;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a range of a blob chunk by chunk, fetching the next chunk only when the current
 * one is used up. A chunk that is missing before the range ends means the blob was
 * deleted while being read: that is an error, never a short read.
 */
final class ChunkInputStream extends InputStream {

	private final DatabaseObjectStore store;

	private final long blobId;

	private byte[] chunk;

	private long chunkOffset;

	private int position;

	private long remaining;

	ChunkInputStream(DatabaseObjectStore store, long blobId, DatabaseObjectStore.Chunk first, long offset,
			long length) {
		this.store = store;
		this.blobId = blobId;
		this.chunk = first.data();
		this.chunkOffset = first.offset();
		this.position = (int) Math.min(offset - first.offset(), first.data().length);
		this.remaining = length;
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.remaining <= 0) {
			return -1;
		}
		if (this.position >= this.chunk.length) {
			advance();
		}
		int n = (int) Math.min(Math.min(length, this.chunk.length - this.position), this.remaining);
		System.arraycopy(this.chunk, this.position, buffer, offset, n);
		this.position += n;
		this.remaining -= n;
		return n;
	}

	@Override
	public int available() {
		return (int) Math.min(this.chunk.length - this.position, this.remaining);
	}

	private void advance() throws IOException {
		long next = this.chunkOffset + this.chunk.length;
		byte[] data = this.store.chunkAt(this.blobId, next);
		if (data == null || data.length == 0) {
			throw new IOException("Blob " + this.blobId + " ended or was deleted at offset " + next + " with "
					+ this.remaining + " bytes still to read");
		}
		this.chunk = data;
		this.chunkOffset = next;
		this.position = 0;
	}

}
