package dev.gofer.objectstore.store.database;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.error.UnavailableException;
import dev.gofer.objectstore.store.DatabaseWriteTurn;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Keeps bytes in the catalog database as chunks of a fixed size. Each chunk is written
 * and read by its own short statement, so a transfer holds neither a connection nor the
 * write lock for its whole length, and needs memory for two chunks at most (an upload's
 * last chunk is inserted while the next is received).
 * <p>
 * On SQLite, chunks are not synced when written: they share the catalog's write-ahead
 * log, so the synced commit that makes the object visible makes them durable too.
 */
class DatabaseObjectStore implements ObjectStore {

	private static final int DELETE_BATCH = 16;

	private static final int ID_BATCH = 1000;

	/**
	 * What the first read of an upload asks for: most objects are small, and a buffer of
	 * a whole chunk for each filled the heap with short-lived large arrays.
	 */
	private static final int FIRST_READ = 16 * 1024;

	private final JdbcClient jdbc;

	private final DatabaseWriteTurn gate;

	private final int chunkSize;

	DatabaseObjectStore(JdbcClient jdbc, DatabaseWriteTurn gate, int chunkSize) {
		this.jdbc = jdbc;
		this.gate = gate;
		this.chunkSize = chunkSize;
	}

	/**
	 * Reads the content a chunk at a time and inserts each chunk while the next one is
	 * read, so that a large upload keeps two cores busy: one receiving and hashing, one
	 * writing to the database. Two chunks of memory at most.
	 */
	@Override
	public long write(long blobId, InputStream content) throws IOException {
		byte[] reading = new byte[Math.min(FIRST_READ, this.chunkSize)];
		int n = content.readNBytes(reading, 0, reading.length);
		if (n < reading.length) {
			// A blob always has a chunk at offset 0, even an empty one: open() relies on
			// it.
			insertChunk(blobId, 0, Arrays.copyOf(reading, n));
			return n;
		}
		if (n < this.chunkSize) {
			reading = Arrays.copyOf(reading, this.chunkSize);
			n += content.readNBytes(reading, n, reading.length - n);
		}
		byte[] inserted = null;
		FutureTask<Void> inserting = null;
		long offset = 0;
		try {
			while (true) {
				// The chunk before is in the database: its buffer is free again.
				await(inserting);
				inserting = insertInBackground(blobId, offset,
						n == reading.length ? reading : Arrays.copyOf(reading, n));
				offset += n;
				if (n < reading.length) {
					break;
				}
				byte[] free = inserted != null ? inserted : new byte[reading.length];
				inserted = reading;
				reading = free;
				n = content.readNBytes(reading, 0, reading.length);
				if (n == 0) {
					break;
				}
			}
			await(inserting);
			inserting = null;
			return offset;
		}
		finally {
			if (inserting != null) {
				// No insert may land after this method has failed and its blob is being
				// deleted.
				awaitQuietly(inserting);
			}
		}
	}

	private FutureTask<Void> insertInBackground(long blobId, long offset, byte[] data) {
		FutureTask<Void> task = new FutureTask<>(() -> insertChunk(blobId, offset, data), null);
		Thread.ofVirtual().name("blob-" + blobId + "-chunk-" + offset).start(task);
		return task;
	}

	private static void await(@Nullable FutureTask<Void> task) {
		if (task == null) {
			return;
		}
		try {
			task.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UnavailableException("The database that holds the objects' bytes is unavailable", ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UnavailableException("Interrupted while storing the object's bytes", ex);
		}
	}

	private static void awaitQuietly(FutureTask<Void> task) {
		boolean interrupted = false;
		while (true) {
			try {
				task.get();
				break;
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
			catch (ExecutionException ex) {
				break;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public Optional<InputStream> open(long blobId, long offset, long length) {
		Optional<Chunk> first = guard(() -> this.jdbc.sql("""
				SELECT offset_bytes, data FROM blob_chunks
				WHERE blob_id = :blob AND offset_bytes <= :offset
				ORDER BY offset_bytes DESC LIMIT 1""")
			.param("blob", blobId)
			.param("offset", offset)
			.query((rs, row) -> new Chunk(rs.getLong(1), rs.getBytes(2)))
			.optional());
		return first.map(chunk -> new ChunkInputStream(this, blobId, chunk, offset, length));
	}

	/** The chunk that starts at {@code offset}, or null if there is none. */
	byte[] chunkAt(long blobId, long offset) {
		return guard(
				() -> this.jdbc.sql("SELECT data FROM blob_chunks WHERE blob_id = :blob AND offset_bytes = :offset")
					.param("blob", blobId)
					.param("offset", offset)
					.query(byte[].class)
					.optional()
					.orElse(null));
	}

	@Override
	public void delete(long blobId) {
		// In small batches, last chunk first, so that the write lock is held briefly and
		// chunk 0,
		// which forEachBlobId finds blobs by, goes last.
		int deleted;
		do {
			deleted = guard(() -> this.gate.call(() -> this.jdbc.sql("""
					DELETE FROM blob_chunks WHERE blob_id = :blob AND offset_bytes IN (
					    SELECT offset_bytes FROM blob_chunks WHERE blob_id = :blob
					    ORDER BY offset_bytes DESC LIMIT :batch)""")
				.param("blob", blobId)
				.param("batch", DELETE_BATCH)
				.update()));
		}
		while (deleted > 0);
	}

	@Override
	public void forEachBlobId(LongConsumer action) {
		long after = Long.MIN_VALUE;
		List<Long> ids;
		do {
			long from = after;
			ids = guard(() -> this.jdbc.sql("""
					SELECT blob_id FROM blob_chunks WHERE blob_id > :after AND offset_bytes = 0
					ORDER BY blob_id LIMIT :batch""")
				.param("after", from)
				.param("batch", ID_BATCH)
				.query(Long.class)
				.list());
			ids.forEach(action::accept);
			if (!ids.isEmpty()) {
				after = ids.getLast();
			}
		}
		while (ids.size() == ID_BATCH);
	}

	@Override
	public void checkReachable() {
		guard(() -> this.jdbc.sql("SELECT count(*) FROM blob_chunks WHERE blob_id = -1").query(Long.class).single());
	}

	@Override
	public Engine engine() {
		return Engine.DATABASE;
	}

	private void insertChunk(long blobId, long offset, byte[] data) {
		guard(() -> this.gate.call(() -> this.jdbc
			.sql("INSERT INTO blob_chunks (blob_id, offset_bytes, data) VALUES (:blob, :offset, :data)")
			.param("blob", blobId)
			.param("offset", offset)
			.param("data", data)
			.update()));
	}

	private static <T> T guard(Supplier<T> operation) {
		try {
			return operation.get();
		}
		catch (DataAccessException ex) {
			throw new UnavailableException("The database that holds the objects' bytes is unavailable", ex);
		}
	}

	/** A chunk and the blob offset it starts at. */
	record Chunk(long offset, byte[] data) {

	}

}
