import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 1 KiB GET and PUT loads, run registrations and the 1 GiB transfer, on any target. */
final class Workloads {

	private static final Pattern SHA256 = Pattern.compile("\"sha256\":\"([0-9a-f]{64})\"");

	private static final Pattern RUN_ID = Pattern.compile("\"run_id\":(\\d+)");

	/** The pipeline limit of the write load: small, so that every new key evicts the oldest. */
	static final int PUT_OBJECT_LIMIT = 100;

	private final Settings settings;

	private final byte[] small = new byte[1024];

	private BigContent big;

	/** PUT loads run so far, on any server: each writes keys of its own. */
	private final AtomicInteger putRounds = new AtomicInteger();

	/** The loads ("get/nginx") that have run once, so that later rounds need the short warm-up only. */
	private final Set<String> primed = new HashSet<>();

	Workloads(Settings settings) {
		this.settings = settings;
		new Random(1).nextBytes(this.small);
	}

	/** 1 KiB GETs of random keys among {@code keys} loaded beforehand. */
	Stats.Summary gets(Target target) throws IOException, InterruptedException {
		int keys = this.settings.keys();
		target.prepare();
		if (target.isService()) {
			target.limits("get", "\"object_limit\":" + keys);
		}
		String[] paths = new String[keys];
		for (int i = 0; i < keys; i++) {
			paths[i] = target.objectPath("get", "k" + i);
		}
		Stats.parallel(target, keys, this.settings.concurrency(),
				(http, i) -> target.put(http, "get", "k" + i, this.small));
		return Stats.closedLoop(target, this.settings.concurrency(), warmup("get", target), this.settings.duration(),
				(http, worker, sequence) -> {
					String path = paths[ThreadLocalRandom.current().nextInt(keys)];
					Http.Response response = http.send("GET", path, target.auth(), Target.NO_BODY);
					return response.status() == 200 && response.body().length == this.small.length;
				});
	}

	/**
	 * The unmeasured seconds before a 1 KiB load: long the first time a server runs it, so that
	 * every round measures a server in its steady state (the service's first 10 s of PUTs ran at
	 * a quarter of its later rate before the JIT had compiled the path), and short afterwards.
	 */
	private double warmup(String load, Target target) {
		return this.primed.add(load + "/" + target.name()) ? Math.max(this.settings.prime(), this.settings.warmup())
				: this.settings.warmup();
	}

	/**
	 * 1 KiB PUTs of new keys. On the service they go to a pipeline filled to its limit first, so
	 * that every write also evicts the oldest object (the steady state of a cache pipeline); on
	 * nginx and s3proxy they create new files.
	 */
	Stats.Summary puts(Target target) throws IOException, InterruptedException {
		target.prepare();
		if (target.isService()) {
			target.limits("put", "\"object_limit\":" + PUT_OBJECT_LIMIT);
		}
		Stats.parallel(target, PUT_OBJECT_LIMIT, this.settings.concurrency(),
				(http, i) -> target.put(http, "put", "prime" + i, this.small));
		List<String> headers = target.uploadHeaders();
		// A prefix of its own for every round: a key written in an earlier round is no new key for
		// nginx or s3proxy, whose later rounds overwrote files instead of creating them.
		String round = "r" + this.putRounds.incrementAndGet() + "-";
		Stats.Summary summary = Stats.closedLoop(target, this.settings.concurrency(), warmup("put", target),
				this.settings.duration(), (http, worker, sequence) -> {
					String path = target.objectPath("put", round + "w" + worker + "-" + sequence);
					return http.send("PUT", path, headers, this.small).ok();
				});
		if (target.isService()) {
			try (Http http = target.connect()) {
				String pipeline = target.call(http, "GET", Target.pipelinePath("put"), null).text();
				if (!pipeline.contains("\"object_count\":" + PUT_OBJECT_LIMIT + ",")) {
					throw new IllegalStateException("The write load left the pipeline over its limit: " + pipeline);
				}
			}
		}
		return summary;
	}

	/**
	 * Registrations of runs in a pipeline with {@code run_object_expiry} 1, each after writing
	 * {@code runObjects} objects into the current run, so that each registration expires them.
	 * Only the registrations are timed; one client, one request at a time.
	 */
	Stats.Summary runs(Target service) throws IOException, InterruptedException {
		service.limits("runs", "\"run_object_expiry\":1");
		Stats.Recorder recorder = new Stats.Recorder();
		long start = System.nanoTime();
		long measureFrom = start + (long) (this.settings.warmup() * 1e9);
		long end = measureFrom + (long) (this.settings.duration() * 1e9);
		try (Http http = service.connect()) {
			for (long run = 1; run < 1_000_000 && System.nanoTime() < end; run++) {
				String objects = Target.pipelinePath("runs") + "/runs/" + run + "/objects/o";
				for (int j = 0; j < this.settings.runObjects(); j++) {
					if (!http.send("PUT", objects + j, service.uploadHeaders(), this.small).ok()) {
						throw new IOException("A write to run " + run + " failed");
					}
				}
				long t0 = System.nanoTime();
				String answer = service.call(http, "POST", Target.pipelinePath("runs") + "/runs", null).text();
				long t1 = System.nanoTime();
				Matcher m = RUN_ID.matcher(answer);
				if (!m.find() || Long.parseLong(m.group(1)) != run + 1) {
					recorder.error("registered " + answer + " instead of run " + (run + 1));
				}
				else if (t0 >= measureFrom) {
					recorder.add(t1 - t0);
				}
			}
		}
		return Stats.summarize(List.of(recorder), this.settings.duration());
	}

	/** The outcome of one 1 GiB upload and download. */
	record Transfer(double uploadMiBs, double downloadMiBs, boolean verified, String problem, double rssBeforeMiB,
			double peakRssMiB, boolean rssReset, double sampledHeapMiB, long fromMillis, long toMillis) {

	}

	/**
	 * Uploads the big object, then downloads it, checking its SHA-256 on both sides: against the
	 * digest the service answers with, and over the bytes that come back. The server's peak RSS
	 * (and, for the service, its sampled heap) covers both.
	 */
	Transfer transfer(Target target) throws IOException, InterruptedException {
		BigContent content = bigContent();
		target.prepare();
		String path = target.objectPath("big", "blob");
		double rssBefore = Probe.rssMiB(target.pid());
		boolean reset = Probe.resetPeakRss(target.pid());
		long from = System.currentTimeMillis();
		String problem = null;
		double up;
		double down;
		MessageDigest digest = sha256();
		long[] received = new long[1];
		try (Probe.HeapSampler heap = target.isService() ? new Probe.HeapSampler(target, 250) : null) {
			try (Http http = target.connect()) {
				long t0 = System.nanoTime();
				Http.Response answer = http.exchange("PUT", path, target.uploadHeaders(), content.size(),
						content::writeTo, null);
				up = content.size() / 1048576.0 / ((System.nanoTime() - t0) / 1e9);
				if (!answer.ok()) {
					return new Transfer(Double.NaN, Double.NaN, false, "upload answered " + answer.status(), rssBefore, 0, reset,
							0, from, System.currentTimeMillis());
				}
				if (target.isService()) {
					Matcher m = SHA256.matcher(answer.text());
					if (!m.find() || !m.group(1).equals(content.sha256())) {
						problem = "the service's SHA-256 differs from the client's";
					}
				}
			}
			try (Http http = target.connect()) {
				long t0 = System.nanoTime();
				Http.Response answer = http.exchange("GET", path, target.auth(), 0, null, (buffer, offset, length) -> {
					digest.update(buffer, offset, length);
					received[0] += length;
				});
				down = content.size() / 1048576.0 / ((System.nanoTime() - t0) / 1e9);
				if (answer.status() != 200) {
					problem = "download answered " + answer.status();
				}
			}
			double rss = Probe.peakRssMiB(target.pid());
			long to = System.currentTimeMillis();
			String got = HexFormat.of().formatHex(digest.digest());
			if (problem == null && (received[0] != content.size() || !got.equals(content.sha256()))) {
				problem = "downloaded " + received[0] + " bytes with SHA-256 " + got;
			}
			double sampled = heap == null ? Double.NaN : heap.peakMiB();
			try (Http http = target.connect()) {
				http.send("DELETE", path, target.auth(), Target.NO_BODY);
			}
			return new Transfer(up, down, problem == null, problem, rssBefore, rss, reset, sampled, from, to);
		}
	}

	synchronized BigContent bigContent() {
		if (this.big == null) {
			this.big = new BigContent(this.settings.bigMiB());
		}
		return this.big;
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
	 * Incompressible content of a given number of MiB, generated as it is sent: a random MiB with
	 * its block number in the first 8 bytes, so no two blocks are alike. Its digest is computed
	 * once, before any timing.
	 */
	static final class BigContent {

		private static final int BLOCK = 1 << 20;

		private final byte[] base = new byte[BLOCK];

		private final int blocks;

		private final String sha256;

		BigContent(int mib) {
			this.blocks = mib;
			new Random(42).nextBytes(this.base);
			MessageDigest digest = Workloads.sha256();
			byte[] block = new byte[BLOCK];
			for (int i = 0; i < this.blocks; i++) {
				digest.update(block(i, block));
			}
			this.sha256 = HexFormat.of().formatHex(digest.digest());
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
			System.arraycopy(this.base, 0, into, 0, BLOCK);
			for (int b = 0; b < 8; b++) {
				into[b] = (byte) (index >>> (8 * b));
			}
			return into;
		}

	}

}
