package dev.gofer.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The large transfers: one big object up and down, and many medium ones in parallel (the
 * CI jobs of a pipeline fetching and storing their artifacts at once). The content is
 * incompressible and generated as it is sent; the service's answer to an upload is
 * checked against the SHA-256 computed beforehand, and every download is hashed as it
 * arrives. These run on the benchmark's JVM, with one blocking socket per transfer: a
 * transfer is bound by copying bytes, not by the client's per-request work, which is what
 * wrk takes over for the small loads.
 */
final class Transfers {

	private static final Pattern SHA256 = Pattern.compile("\"sha256\":\"([0-9a-f]{64})\"");

	private Transfers() {
	}

	/**
	 * What one transfer phase measured: MiB/s each way (all streams together), whether
	 * every byte came back intact, and the server's memory.
	 */
	record Result(double uploadMiBs, double downloadMiBs, boolean verified, String problem, double rssBeforeMiB,
			double peakRssMiB, boolean rssReset, double sampledHeapMiB, long fromMillis, long toMillis) {

	}

	/**
	 * Uploads {@code contents} to {@code target} at once, one connection each, then
	 * downloads them at once; each direction's rate is all the bytes over the time from
	 * the first start to the last end. The server's peak RSS (and the service's sampled
	 * heap) covers both.
	 */
	static Result run(Target target, String area, List<Content> contents) throws IOException, InterruptedException {
		target.prepare(area);
		double rssBefore = Probe.rssMiB(target.pid());
		boolean reset = Probe.resetPeakRss(target.pid());
		long from = System.currentTimeMillis();
		long total = contents.stream().mapToLong(Content::size).sum();
		try (Probe.HeapSampler heap = target.isService() ? new Probe.HeapSampler(target, 250) : null) {
			AtomicReference<String> problem = new AtomicReference<>();
			long t0 = System.nanoTime();
			parallel(contents, (i, content) -> upload(target, target.objectPath(area, "blob" + i), content, problem));
			double up = total / 1048576.0 / ((System.nanoTime() - t0) / 1e9);
			if (problem.get() != null) {
				return new Result(Double.NaN, Double.NaN, false, problem.get(), rssBefore,
						Probe.peakRssMiB(target.pid()), reset, heap == null ? Double.NaN : heap.peakMiB(), from,
						System.currentTimeMillis());
			}
			long t1 = System.nanoTime();
			parallel(contents, (i, content) -> download(target, target.objectPath(area, "blob" + i), content, problem));
			double down = total / 1048576.0 / ((System.nanoTime() - t1) / 1e9);
			double rss = Probe.peakRssMiB(target.pid());
			long to = System.currentTimeMillis();
			double sampled = heap == null ? Double.NaN : heap.peakMiB();
			try (Http http = target.connect()) {
				for (int i = 0; i < contents.size(); i++) {
					http.send("DELETE", target.objectPath(area, "blob" + i), target.auth(), Target.NO_BODY);
				}
			}
			return new Result(up, down, problem.get() == null, problem.get(), rssBefore, rss, reset, sampled, from, to);
		}
	}

	private static void upload(Target target, String path, Content content, AtomicReference<String> problem)
			throws IOException {
		try (Http http = target.connect()) {
			Http.Response answer = http.exchange("PUT", path, target.uploadHeaders(), content.size(), content::writeTo,
					null);
			if (!answer.ok()) {
				problem.compareAndSet(null, "an upload answered " + answer.status());
			}
			else if (target.isService()) {
				Matcher m = SHA256.matcher(answer.text());
				if (!m.find() || !m.group(1).equals(content.sha256())) {
					problem.compareAndSet(null, "the service's SHA-256 of an upload differs from the client's");
				}
			}
		}
	}

	private static void download(Target target, String path, Content content, AtomicReference<String> problem)
			throws IOException {
		MessageDigest digest = sha256();
		long[] received = new long[1];
		try (Http http = target.connect()) {
			Http.Response answer = http.exchange("GET", path, target.auth(), 0, null, (buffer, offset, length) -> {
				digest.update(buffer, offset, length);
				received[0] += length;
			});
			String got = HexFormat.of().formatHex(digest.digest());
			if (answer.status() != 200) {
				problem.compareAndSet(null, "a download answered " + answer.status());
			}
			else if (received[0] != content.size() || !got.equals(content.sha256())) {
				problem.compareAndSet(null, "downloaded " + received[0] + " bytes with SHA-256 " + got);
			}
		}
	}

	private interface Task {

		void run(int index, Content content) throws IOException;

	}

	/**
	 * Runs {@code task} for every content on a thread of its own; fails on the first
	 * error.
	 */
	private static void parallel(List<Content> contents, Task task) throws IOException, InterruptedException {
		AtomicReference<Exception> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < contents.size(); i++) {
			int index = i;
			threads.add(Thread.ofPlatform().name("transfer-" + i).start(() -> {
				try {
					task.run(index, contents.get(index));
				}
				catch (IOException | RuntimeException ex) {
					failure.compareAndSet(null, ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() instanceof IOException ex) {
			throw ex;
		}
		if (failure.get() instanceof RuntimeException ex) {
			throw ex;
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Incompressible content of a number of MiB, generated as it is sent: a random MiB
	 * with the stream's number and the block's in its first 16 bytes, so that no two
	 * blocks of any streams are alike. Its digest is computed once, before any timing.
	 */
	static final class Content {

		private static final int BLOCK = 1 << 20;

		private static final byte[] BASE = new byte[BLOCK];

		static {
			new Random(42).nextBytes(BASE);
		}

		private final int stream;

		private final int blocks;

		private final String sha256;

		Content(int stream, int mib) {
			this.stream = stream;
			this.blocks = mib;
			MessageDigest digest = Transfers.sha256();
			byte[] block = new byte[BLOCK];
			for (int i = 0; i < this.blocks; i++) {
				digest.update(block(i, block));
			}
			this.sha256 = HexFormat.of().formatHex(digest.digest());
		}

		/** {@code count} contents of {@code mib} MiB each, all different. */
		static List<Content> several(int count, int mib) {
			List<Content> contents = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				contents.add(new Content(i, mib));
			}
			return contents;
		}

		long size() {
			return (long) this.blocks * BLOCK;
		}

		String sha256() {
			return this.sha256;
		}

		void writeTo(OutputStream out) throws IOException {
			byte[] block = new byte[BLOCK];
			for (int i = 0; i < this.blocks; i++) {
				out.write(block(i, block));
			}
		}

		private byte[] block(long index, byte[] into) {
			System.arraycopy(BASE, 0, into, 0, BLOCK);
			for (int b = 0; b < 8; b++) {
				into[b] = (byte) (index >>> (8 * b));
				into[8 + b] = (byte) (this.stream >>> (8 * b));
			}
			return into;
		}

	}

}
