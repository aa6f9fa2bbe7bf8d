package dev.gofer.objectstore.store.filesystem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.UnavailableException;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ExactLengthInputStream;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Keeps each blob in a file of its own,
 * {@code <root>/<last two hex digits>/<16 hex digits>}. File names come from blob ids
 * alone, never from keys, so no request can reach outside the root. A blob is written to
 * {@code <root>/tmp}, synced, and renamed into place, so a file under its final name is
 * always complete.
 */
class FilesystemObjectStore implements ObjectStore {

	private static final int BUFFER = 256 * 1024;

	/** What the first read of an upload asks for: most objects are small. */
	private static final int FIRST_READ = 16 * 1024;

	/**
	 * How much a large upload writes between flushes in the background, so that the disk
	 * writes while the body still streams in and the final sync has little left to do.
	 */
	private static final long FLUSH_EVERY = 64L * 1024 * 1024;

	private static final Pattern BLOB = Pattern.compile("[0-9a-f]{16}");

	private static final Pattern TEMPORARY = Pattern.compile("([0-9a-f]{16})\\..*\\.tmp");

	private static final ExecutorService FLUSHER = Executors.newVirtualThreadPerTaskExecutor();

	private final Path root;

	private final Path temporary;

	FilesystemObjectStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.temporary = this.root.resolve("tmp");
		try {
			Files.createDirectories(this.temporary);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the object directory " + this.root, ex);
		}
	}

	@Override
	public long write(long blobId, InputStream content) throws IOException {
		Path directory = directory(blobId);
		Path target = directory.resolve(name(blobId));
		Path partial;
		try {
			Files.createDirectories(directory);
			partial = Files.createTempFile(this.temporary, name(blobId) + ".", ".tmp");
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			long written = new Copy(content, channel).run();
			force(channel);
			move(partial, target);
			syncDirectory(directory);
			return written;
		}
	}

	@Override
	public Optional<InputStream> open(long blobId, long offset, long length) {
		try {
			FileChannel channel = FileChannel.open(path(blobId), StandardOpenOption.READ);
			channel.position(offset);
			return Optional.of(new ExactLengthInputStream(Channels.newInputStream(channel), length));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public void delete(long blobId) {
		try {
			Files.deleteIfExists(path(blobId));
			try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(this.temporary, name(blobId) + ".*.tmp")) {
				for (Path leftover : leftovers) {
					Files.deleteIfExists(leftover);
				}
			}
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public void forEachBlobId(LongConsumer action) {
		try (DirectoryStream<Path> fans = Files.newDirectoryStream(this.root, "[0-9a-f][0-9a-f]")) {
			for (Path fan : fans) {
				try (DirectoryStream<Path> blobs = Files.newDirectoryStream(fan)) {
					for (Path blob : blobs) {
						String name = blob.getFileName().toString();
						if (BLOB.matcher(name).matches()) {
							action.accept(Long.parseUnsignedLong(name, 16));
						}
					}
				}
			}
			// Leftovers of uploads that died count too: their ids may be unknown to the
			// catalog.
			try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(this.temporary)) {
				for (Path leftover : leftovers) {
					Matcher matcher = TEMPORARY.matcher(leftover.getFileName().toString());
					if (matcher.matches()) {
						action.accept(Long.parseUnsignedLong(matcher.group(1), 16));
					}
				}
			}
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
	}

	@Override
	public void checkReachable() {
		if (!Files.isDirectory(this.temporary) || !Files.isWritable(this.temporary)) {
			throw new UnavailableException("The object directory is missing or not writable", null);
		}
	}

	@Override
	public Engine engine() {
		return Engine.FILESYSTEM;
	}

	Path path(long blobId) {
		return directory(blobId).resolve(name(blobId));
	}

	/**
	 * The fan-out directory of a blob: one of 256, by the last two hex digits of its id.
	 */
	private Path directory(long blobId) {
		return this.root.resolve(name(blobId).substring(14));
	}

	private static String name(long blobId) {
		return String.format("%016x", blobId);
	}

	/**
	 * Copies the content into the file in writes of {@value #BUFFER} bytes, from a direct
	 * buffer (a heap buffer would be copied into a temporary direct one by every write).
	 * Failures to read are the client's and propagate as they are; failures to write are
	 * the disk's and make the engine unavailable.
	 */
	private static final class Copy {

		private final InputStream content;

		private final FileChannel channel;

		private @Nullable Future<?> flush;

		private long flushedAt;

		Copy(InputStream content, FileChannel channel) {
			this.content = content;
			this.channel = channel;
		}

		long run() throws IOException {
			long total;
			try {
				byte[] first = this.content.readNBytes(FIRST_READ);
				write(ByteBuffer.wrap(first));
				total = first.length < FIRST_READ ? first.length : first.length + rest();
			}
			catch (IOException | RuntimeException ex) {
				// The upload failed already; the flush only has to end before the file
				// goes.
				try {
					awaitFlush();
				}
				catch (RuntimeException flushFailure) {
					ex.addSuppressed(flushFailure);
				}
				throw ex;
			}
			awaitFlush();
			return total;
		}

		private long rest() throws IOException {
			byte[] buffer = new byte[BUFFER];
			ByteBuffer direct = ByteBuffer.allocateDirect(BUFFER);
			long total = 0;
			int n;
			while ((n = this.content.readNBytes(buffer, 0, BUFFER)) > 0) {
				write(direct.clear().put(buffer, 0, n).flip());
				total += n;
				if (total - this.flushedAt >= FLUSH_EVERY && (this.flush == null || this.flush.isDone())) {
					awaitFlush();
					this.flush = FLUSHER.submit(() -> force(this.channel, false));
					this.flushedAt = total;
				}
			}
			return total;
		}

		private void write(ByteBuffer bytes) {
			try {
				while (bytes.hasRemaining()) {
					this.channel.write(bytes);
				}
			}
			catch (IOException ex) {
				throw unavailable(ex);
			}
		}

		/**
		 * Surfaces a failed background flush: after one, a later sync may not report the
		 * loss.
		 */
		private void awaitFlush() {
			if (this.flush == null) {
				return;
			}
			try {
				this.flush.get();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : unavailable(new IOException(ex));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw unavailable(new IOException("Interrupted while flushing", ex));
			}
			finally {
				this.flush = null;
			}
		}

	}

	private static void force(FileChannel channel) {
		force(channel, true);
	}

	private static void force(FileChannel channel, boolean metadata) {
		try {
			channel.force(metadata);
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
	}

	private static void move(Path partial, Path target) {
		try {
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
	}

	private static void syncDirectory(Path directory) {
		// Makes the rename durable; some file systems refuse to open a directory, which
		// is harmless.
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// best effort
		}
	}

	private static UnavailableException unavailable(IOException ex) {
		if (ex instanceof FileAlreadyExistsException) {
			return new UnavailableException("A blob was written twice", ex);
		}
		// The cause, with its path, goes to the log only.
		return new UnavailableException("The object directory cannot be read or written", ex);
	}

}
