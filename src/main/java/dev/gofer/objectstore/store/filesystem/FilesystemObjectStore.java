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
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.gofer.objectstore.error.UnavailableException;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ExactLengthInputStream;
import dev.gofer.objectstore.store.ObjectStore;

/**
 * Keeps each blob in a file of its own, {@code <root>/<last two hex digits>/<16 hex digits>}.
 * File names come from blob ids alone, never from keys, so no request can reach outside the root.
 * A blob is written to {@code <root>/tmp}, synced, and renamed into place, so a file under its
 * final name is always complete.
 */
class FilesystemObjectStore implements ObjectStore {

	private static final int BUFFER = 256 * 1024;

	private static final Pattern BLOB = Pattern.compile("[0-9a-f]{16}");

	private static final Pattern TEMPORARY = Pattern.compile("([0-9a-f]{16})\\..*\\.tmp");

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
		Path target = path(blobId);
		Path partial;
		try {
			Files.createDirectories(target.getParent());
			partial = Files.createTempFile(this.temporary, name(blobId) + ".", ".tmp");
		}
		catch (IOException ex) {
			throw unavailable(ex);
		}
		try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
			long written = copy(content, channel);
			force(channel);
			move(partial, target);
			syncDirectory(target.getParent());
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
			// Leftovers of uploads that died count too: their ids may be unknown to the catalog.
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
		String name = name(blobId);
		return this.root.resolve(name.substring(14)).resolve(name);
	}

	private static String name(long blobId) {
		return String.format("%016x", blobId);
	}

	/**
	 * Copies the content into the file. Failures to read are the client's and propagate as they
	 * are; failures to write are the disk's and make the engine unavailable.
	 */
	private static long copy(InputStream content, FileChannel channel) throws IOException {
		byte[] buffer = new byte[BUFFER];
		ByteBuffer wrapped = ByteBuffer.wrap(buffer);
		long total = 0;
		int n;
		while ((n = content.read(buffer)) >= 0) {
			wrapped.clear().limit(n);
			try {
				while (wrapped.hasRemaining()) {
					channel.write(wrapped);
				}
			}
			catch (IOException ex) {
				throw unavailable(ex);
			}
			total += n;
		}
		return total;
	}

	private static void force(FileChannel channel) {
		try {
			channel.force(true);
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
		// Makes the rename durable; some file systems refuse to open a directory, which is harmless.
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
