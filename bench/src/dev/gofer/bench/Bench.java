package dev.gofer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The benchmark: drives the service, nginx and (optionally) s3proxy, all started by
 * {@code bench/run.sh} on loopback, through the same loads one server at a time, the
 * servers taking turns round after round, and prints the figures side by side with the
 * ratios and targets of issue 19. The 1 KiB loads run on wrk ({@link Wrk}); the large
 * transfers on this JVM ({@link Transfers}). Run with
 * {@code java bench/src/dev/gofer/bench/Bench.java --help}.
 */
public final class Bench {

	private static final String USAGE = """
			java bench/src/dev/gofer/bench/Bench.java --engine E --service 127.0.0.1:PORT:PID --token T
			    --nginx 127.0.0.1:PORT:PID --nginx-root DIR [--s3proxy 127.0.0.1:PORT:PID --s3-root DIR]
			    [--gc-log FILE] [--out FILE] [--scratch DIR] [--wrk wrk] [--wrk-script bench/wrk/bench.lua]
			    [--threads 2] [--connections 32,128] [--warmup 20] [--duration 10] [--rounds 3] [--keys 1000]
			    [--big-mib 1024] [--parallel 16] [--parallel-mib 64] [--phases client,get,put,big,parallel]
			    [--smoke]
			bench/run.sh starts the servers and passes these; see bench/README.md.""";

	/**
	 * The pipeline limit of the write load: small, so that every new key evicts the
	 * oldest.
	 */
	static final int PUT_OBJECT_LIMIT = 100;

	private static final int SMALL = 1024;

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		if (options.containsKey("help") || !options.containsKey("service") || !options.containsKey("nginx")) {
			System.err.println(USAGE);
			System.exit(options.containsKey("help") ? 0 : 2);
		}
		Settings settings = Settings.of(options);
		Target service = Target.parse("service", Target.Kind.SERVICE, options.get("service"),
				"Bearer " + options.getOrDefault("token", ""));
		Target nginx = Target.parse("nginx", Target.Kind.NGINX, options.get("nginx"), "");
		Target s3proxy = options.containsKey("s3proxy")
				? Target.parse("s3proxy", Target.Kind.S3, options.get("s3proxy"), "") : null;
		Map<Target, Path> roots = new LinkedHashMap<>();
		roots.put(nginx, Path.of(options.getOrDefault("nginx-root", "/nonexistent")));
		if (s3proxy != null) {
			roots.put(s3proxy, Path.of(options.getOrDefault("s3-root", "/nonexistent")));
		}
		Wrk wrk = wrk(options, settings);
		Path gcLog = options.containsKey("gc-log") ? Path.of(options.get("gc-log")) : null;
		Report report = new Report(settings, s3proxy != null);
		Disk disk = new Disk(Path.of(options.getOrDefault("scratch", System.getProperty("java.io.tmpdir"))));
		Bench bench = new Bench(settings, report, service, nginx, s3proxy, roots, wrk, disk);
		bench.run(gcLog);
		String text = report.render();
		System.out.println(text);
		if (options.containsKey("out")) {
			Files.writeString(Path.of(options.get("out")), text);
		}
		System.exit(report.failures.isEmpty() ? 0 : 1);
	}

	/**
	 * wrk, or none in a smoke run on a machine without it (the 1 KiB loads are then left
	 * out).
	 */
	private static Wrk wrk(Map<String, String> options, Settings settings) {
		String executable = options.getOrDefault("wrk", "wrk");
		Path script = Path.of(options.getOrDefault("wrk-script", "bench/wrk/bench.lua"));
		boolean found = Files.isRegularFile(script) && onPath(executable);
		if (!found && !settings.smoke()) {
			throw new IllegalStateException("wrk (" + executable + ") and its script " + script
					+ " are needed; on Debian: apt-get install -y wrk");
		}
		return found ? new Wrk(executable, script) : null;
	}

	private static boolean onPath(String executable) {
		if (executable.contains("/")) {
			return Files.isExecutable(Path.of(executable));
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
				return true;
			}
		}
		return false;
	}

	private final Settings settings;

	private final Report report;

	private final Target service;

	private final Target nginx;

	private final Target s3proxy;

	/** Where nginx and s3proxy keep their files, to remove what each write load left. */
	private final Map<Target, Path> roots;

	private final Wrk wrk;

	private final Disk disk;

	/** Every server of the 1 KiB loads, in the order they take turns. */
	private final List<Target> small = new ArrayList<>();

	/** Every server of the large transfers. */
	private final List<Target> large = new ArrayList<>();

	private Bench(Settings settings, Report report, Target service, Target nginx, Target s3proxy,
			Map<Target, Path> roots, Wrk wrk, Disk disk) {
		this.settings = settings;
		this.report = report;
		this.service = service;
		this.nginx = nginx;
		this.s3proxy = s3proxy;
		this.roots = roots;
		this.wrk = wrk;
		this.disk = disk;
		this.large.add(service);
		this.large.add(nginx);
		if (s3proxy != null) {
			this.large.add(s3proxy);
		}
	}

	private void run(Path gcLog) throws IOException, InterruptedException {
		long smallFrom = System.currentTimeMillis();
		for (Target target : this.large) {
			Probe.resetPeakRss(target.pid());
		}
		if (this.wrk == null) {
			this.report.notes.add("wrk is not installed, so this smoke run left out the 1 KiB loads.");
		}
		else if (this.settings.runs("get") || this.settings.runs("put") || this.settings.runs("client")) {
			Target scoped = this.service.as(Report.SCOPED, "Bearer " + scopedToken());
			this.small.add(this.service);
			this.small.add(scoped);
			this.small.add(this.nginx);
			if (this.s3proxy != null) {
				this.small.add(this.s3proxy);
			}
			if (this.settings.runs("get") || this.settings.runs("client")) {
				loadGetKeys();
			}
			if (this.settings.runs("client")) {
				clientCheck();
			}
			if (this.settings.runs("get")) {
				smallLoad("get");
			}
			if (this.settings.runs("put")) {
				syncLatency();
				smallLoad("put");
			}
		}
		long smallTo = System.currentTimeMillis();
		for (Target target : this.large) {
			this.report.smallRss.put(target.name(), Probe.peakRssMiB(target.pid()));
		}
		if (gcLog != null) {
			this.report.smallGc = Probe.gcWindow(gcLog, smallFrom, smallTo);
		}
		if (this.settings.runs("big")) {
			List<Transfers.Content> one = List.of(new Transfers.Content(0, this.settings.bigMiB()));
			transfers("big", one, this.report.big, gcLog);
		}
		if (this.settings.runs("parallel")) {
			List<Transfers.Content> several = Transfers.Content.several(this.settings.parallel(),
					this.settings.parallelMiB());
			transfers("parallel", several, this.report.parallel, null);
		}
	}

	/**
	 * A token that may read and write the benchmark's namespace only: the token check's
	 * real case.
	 */
	private String scopedToken() throws IOException {
		try (Http http = this.service.connect()) {
			String answer = this.service
				.call(http, "POST", "/api/tokens",
						"{\"namespaces\":[\"bench\"],\"pipelines\":[\"*\"],\"actions\":[\"read\",\"write\"],"
								+ "\"description\":\"benchmark\"}")
				.text();
			int at = answer.indexOf("\"secret\":\"");
			if (at < 0) {
				throw new IOException("No secret in the token's answer: " + answer);
			}
			return answer.substring(at + 10, answer.indexOf('"', at + 10));
		}
	}

	/**
	 * The keys of the GET load, on every server (the service's two tokens share a
	 * pipeline).
	 */
	private void loadGetKeys() throws IOException, InterruptedException {
		byte[] body = new byte[SMALL];
		new Random(1).nextBytes(body);
		this.service.limits("get", "\"object_limit\":" + this.settings.keys());
		for (Target target : this.large) {
			target.prepare("get");
			parallel(target, this.settings.keys(), (http, i) -> target.put(http, "get", "k" + i, body));
		}
		progress("setup", "all", this.settings.keys() + " keys of " + SMALL + " bytes loaded on every server");
	}

	/**
	 * Shows that wrk is not what limits the figures: nginx, the fastest server, driven by
	 * one wrk thread and by all of them. If the client were the limit, one thread would
	 * reach about half of what two reach; a rate that hardly changes means the client has
	 * room to spare. wrk's own CPU is reported beside it.
	 */
	private void clientCheck() throws IOException, InterruptedException {
		int connections = this.settings.connections().get(0);
		String[] args = { "get", this.nginx.areaPath("get") + "k", Integer.toString(this.settings.keys()) };
		measure("client", this.nginx, () -> {
			this.wrk.run(this.nginx, this.settings.threads(), connections, this.settings.warmup(), args);
			Wrk.Result one = this.wrk.run(this.nginx, 1, connections, this.settings.duration(), args);
			Wrk.Result all = this.wrk.run(this.nginx, this.settings.threads(), connections, this.settings.duration(),
					args);
			this.report.clientCheck = new Report.ClientCheck(connections, one, all);
			progress("client", this.nginx, Report.fmt(one.perSecond()) + "/s with 1 thread, "
					+ Report.fmt(all.perSecond()) + "/s with " + all.threads() + " threads");
		});
	}

	/**
	 * One 1 KiB load at every connection count: a warm-up of every server first, then the
	 * rounds, in which the servers take turns.
	 */
	private void smallLoad(String load) throws IOException, InterruptedException {
		if (load.equals("put")) {
			this.service.limits("put", "\"object_limit\":" + PUT_OBJECT_LIMIT);
			byte[] body = new byte[SMALL];
			parallel(this.service, PUT_OBJECT_LIMIT, 16, (http, i) -> this.service.put(http, "put", "prime" + i, body));
		}
		for (int connections : this.settings.connections()) {
			for (int round = 0; round <= this.settings.rounds(); round++) {
				boolean warmup = round == 0;
				if (warmup && connections != this.settings.connections().get(0)) {
					continue;
				}
				for (Target target : this.small) {
					int r = round;
					measure(load, target, () -> {
						Wrk.Result result = smallRun(load, target, connections, r, warmup);
						String label = warmup ? "warm-up" : "round " + r;
						progress(load, target, connections + " connections, " + label + ": " + describe(result));
						if (!warmup) {
							this.report.small.add(new Report.SmallRun(load, connections, r, target.name(), result));
						}
					});
				}
			}
		}
	}

	private Wrk.Result smallRun(String load, Target target, int connections, int round, boolean warmup)
			throws IOException, InterruptedException {
		double seconds = warmup ? this.settings.warmup() : this.settings.duration();
		if (load.equals("get")) {
			return this.wrk.run(target, this.settings.threads(), connections, seconds, "get",
					target.areaPath("get") + "k", Integer.toString(this.settings.keys()));
		}
		// Keys of its own in every run: a key written before is no new key for nginx or
		// s3proxy, which
		// overwrite a file more slowly than they create one.
		String run = "r" + connections + "-" + round + (target.name().equals(Report.SCOPED) ? "s" : "");
		String area = target.isService() ? "put" : "put-" + run;
		target.prepare(area);
		String prefix = target.areaPath(area) + (target.isService() ? run + "-" : "");
		Wrk.Result result = this.wrk.run(target, this.settings.threads(), connections, seconds, "put", prefix,
				Integer.toString(SMALL));
		if (target.isService()) {
			try (Http http = target.connect()) {
				String pipeline = target.call(http, "GET", Target.pipelinePath("put"), null).text();
				if (!pipeline.contains("\"object_count\":" + PUT_OBJECT_LIMIT + ",")) {
					throw new IllegalStateException("The write load left the pipeline over its limit: " + pipeline);
				}
			}
		}
		else {
			removeArea(target, area);
		}
		return result;
	}

	/**
	 * Removes the files a peer's write load left (hundreds of thousands after a round),
	 * untimed, so that every round starts from the same directory and the disk does not
	 * fill up.
	 */
	private void removeArea(Target target, String area) throws IOException, InterruptedException {
		Path dir = this.roots.get(target).resolve(area);
		long t0 = System.nanoTime();
		// On s3proxy the area is a bucket, a directory of its filesystem backend.
		new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
		progress("put", target, "removed its files in " + Report.fmt((System.nanoTime() - t0) / 1e9) + " s");
	}

	private void syncLatency() {
		try {
			this.report.syncMillis = this.disk.syncMillis();
			progress("put", "disk",
					"4 KiB written to a new file and synced in " + Report.fmt(this.report.syncMillis) + " ms (median)");
		}
		catch (IOException ex) {
			this.report.failures.put("sync latency of the disk alone", ex.toString());
		}
	}

	/** The rounds of a transfer phase, the disk alone after each round of the big one. */
	private void transfers(String phase, List<Transfers.Content> contents, Map<String, List<Transfers.Result>> into,
			Path gcLog) throws InterruptedException {
		for (int round = 1; round <= this.settings.rounds(); round++) {
			for (Target target : this.large) {
				measure(phase, target, () -> {
					Transfers.Result result = Transfers.run(target, phase, contents);
					into.computeIfAbsent(target.name(), name -> new ArrayList<>()).add(result);
					progress(phase, target,
							Report.fmt(result.uploadMiBs()) + " MiB/s up, " + Report.fmt(result.downloadMiBs())
									+ " MiB/s down, peak RSS " + Report.fmt(result.peakRssMiB()) + " MiB"
									+ (result.verified() ? ", SHA-256 ok" : ", FAILED: " + result.problem()));
					if (target.isService() && gcLog != null && this.report.bigGc == null) {
						this.report.bigGc = Probe.gcWindow(gcLog, result.fromMillis(), result.toMillis());
					}
				});
			}
			if (phase.equals("big")) {
				try {
					drain();
					double mibs = this.disk.durableUpload(contents.get(0));
					this.report.durableUploads.add(mibs);
					progress(phase, "disk", Report.fmt(mibs) + " MiB/s written to a new file and synced");
				}
				catch (IOException ex) {
					this.report.failures.put("the disk alone", ex.toString());
				}
			}
		}
	}

	private interface Step {

		void run() throws IOException, InterruptedException;

	}

	/**
	 * A measurement on one server; a failure is reported in the tables, and the benchmark
	 * goes on.
	 */
	private void measure(String phase, Target target, Step step) throws InterruptedException {
		settle(target);
		this.report.loads.add(phase + "/" + target.name() + " " + Probe.loadAverage());
		try {
			step.run();
		}
		catch (IOException | RuntimeException ex) {
			boolean gone = ProcessHandle.of(target.pid()).map(process -> !process.isAlive()).orElse(true);
			this.report.failures.put(phase + " on " + target.name(),
					ex + (gone ? " (the server process " + target.pid() + " has exited)" : ""));
			progress(phase, target, "FAILED: " + ex);
		}
	}

	/**
	 * Waits before a measurement: for the previous load's writes to reach the disk, and
	 * on the service until its reclaim job has stopped deleting the bytes of evicted
	 * objects (bounded).
	 */
	private void settle(Target target) throws InterruptedException {
		drain();
		if (this.settings.smoke()) {
			return;
		}
		Thread.sleep(1_000);
		if (!target.isService()) {
			return;
		}
		double last = -1;
		int unchanged = 0;
		long deadline = System.nanoTime() + 60_000_000_000L;
		try (Http http = target.connect()) {
			while (unchanged < 2 && System.nanoTime() < deadline) {
				double reclaimed = metric(http, "gofer_retention_blobs_reclaimed_total");
				unchanged = (reclaimed == last) ? unchanged + 1 : 0;
				last = reclaimed;
				if (unchanged < 2) {
					Thread.sleep(1_000);
				}
			}
		}
		catch (IOException ex) {
			// no metrics: the pause has to do
		}
	}

	/**
	 * Writes out what earlier loads left in the page cache, so that no server's writes
	 * compete with the kernel flushing another's.
	 */
	private static void drain() throws InterruptedException {
		try {
			new ProcessBuilder("sync").inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			// no sync command: the pause has to do
		}
	}

	private static double metric(Http http, String name) throws IOException {
		String metrics = http.send("GET", "/actuator/prometheus", List.of(), Target.NO_BODY).text();
		for (String line : metrics.split("\n")) {
			if (line.startsWith(name)) {
				return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			}
		}
		return 0;
	}

	private interface Indexed {

		void run(Http http, int i) throws IOException;

	}

	/**
	 * Runs {@code task} for 0 ≤ i < count on 16 connections; fails on the first error.
	 */
	private static void parallel(Target target, int count, Indexed task) throws IOException, InterruptedException {
		parallel(target, count, 16, task);
	}

	private static void parallel(Target target, int count, int connections, Indexed task)
			throws IOException, InterruptedException {
		List<Thread> threads = new ArrayList<>();
		List<Exception> failures = new ArrayList<>();
		for (int w = 0; w < connections; w++) {
			int worker = w;
			threads.add(Thread.ofPlatform().start(() -> {
				try (Http http = target.connect()) {
					for (int i = worker; i < count; i += connections) {
						task.run(http, i);
					}
				}
				catch (IOException | RuntimeException ex) {
					synchronized (failures) {
						failures.add(ex);
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw new IOException("Filling " + target.name() + " failed: " + failures.get(0), failures.get(0));
		}
	}

	private static String describe(Wrk.Result r) {
		return Report.fmt(r.perSecond()) + "/s, p50 " + Report.fmt(r.p50Ms()) + " ms, p99 " + Report.fmt(r.p99Ms())
				+ " ms, wrk CPU " + Report.percent(r.cpuShare()) + (r.errorText() == null ? "" : ", " + r.errorText());
	}

	private static void progress(String phase, Target target, String message) {
		progress(phase, target.name(), message);
	}

	private static void progress(String phase, String who, String message) {
		System.err.printf("[%-8s] %-22s %s (load %s)%n", phase, who, message, Probe.loadAverage());
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + args[i] + "\n" + USAGE);
			}
			String name = args[i].substring(2);
			if (name.equals("help") || name.equals("smoke")) {
				options.put(name, "");
			}
			else if (i + 1 < args.length) {
				options.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException("--" + name + " needs a value");
			}
		}
		return options;
	}

}
