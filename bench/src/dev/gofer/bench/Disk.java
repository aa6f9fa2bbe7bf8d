package dev.gofer.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * What durability costs on the disk the servers write to, measured by the load generator
 * itself: the reference for the service's writes, which are acknowledged only once
 * synced, beside nginx's, which are not. No store that syncs before it answers can upload
 * faster than {@link #durableUpload} writes a new file, so a ratio to nginx above that
 * reference's own is out of any durable server's reach on that machine.
 */
final class Disk {

	private static final int SYNC_SAMPLES = 200;

	private final Path scratch;

	Disk(Path scratch) {
		this.scratch = scratch;
	}

	/**
	 * Writes the big content to a new file and syncs it, as a durable upload must at
	 * least do: MiB/s from the first byte to the end of the sync. The file is removed
	 * afterwards.
	 */
	double durableUpload(Transfers.Content content) throws IOException {
		Files.createDirectories(this.scratch);
		Path file = Files.createTempFile(this.scratch, "durable-", ".bin");
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			OutputStream out = Channels.newOutputStream(channel);
			long t0 = System.nanoTime();
			content.writeTo(out);
			channel.force(true);
			return content.size() / 1048576.0 / ((System.nanoTime() - t0) / 1e9);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/**
	 * The median time to write 4 KiB to a new file and sync it: what one durable commit
	 * waits for at least, before group commit shares it among several.
	 */
	double syncMillis() throws IOException {
		Files.createDirectories(this.scratch);
		ByteBuffer page = ByteBuffer.allocate(4096);
		double[] samples = new double[SYNC_SAMPLES];
		for (int i = 0; i < SYNC_SAMPLES; i++) {
			Path file = this.scratch.resolve("sync-" + i);
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				long t0 = System.nanoTime();
				channel.write(page.clear());
				channel.force(false);
				samples[i] = (System.nanoTime() - t0) / 1e6;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		Arrays.sort(samples);
		return samples[samples.length / 2];
	}

}
