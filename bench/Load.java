import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The load generator of the benchmark: drives the service, nginx and (optionally) s3proxy, all
 * already started by bench/run.sh on loopback, through the same workloads one server at a time,
 * and prints the figures side by side. Run with {@code java bench/Load.java --help}.
 */
public class Load {

	private static final String USAGE = """
			java bench/Load.java --engine E --service 127.0.0.1:PORT:PID --token T --nginx 127.0.0.1:PORT:PID
			    [--s3proxy 127.0.0.1:PORT:PID] [--gc-log FILE] [--out FILE] [--scratch DIR]
			    [--concurrency 16] [--prime 30] [--warmup 5] [--duration 15] [--keys 1000] [--big-mib 1024]
			    [--scale 10000] [--run-objects 10] [--rounds 3] [--phases get,put,runs,big,scale]
			bench/run.sh starts the servers and passes these; see bench/README.md.""";

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		if (options.containsKey("help") || !options.containsKey("service") || !options.containsKey("nginx")) {
			System.err.println(USAGE);
			System.exit(options.containsKey("help") ? 0 : 2);
		}
		Settings settings = new Settings(options.getOrDefault("engine", "?"),
				Integer.parseInt(options.getOrDefault("concurrency", "16")),
				Double.parseDouble(options.getOrDefault("warmup", "5")),
				Double.parseDouble(options.getOrDefault("duration", "15")),
				Integer.parseInt(options.getOrDefault("keys", "1000")),
				Integer.parseInt(options.getOrDefault("big-mib", "1024")),
				Integer.parseInt(options.getOrDefault("scale", "10000")),
				Integer.parseInt(options.getOrDefault("run-objects", "10")),
				Integer.parseInt(options.getOrDefault("rounds", "3")),
				Set.of(options.getOrDefault("phases", "get,put,runs,big,scale").split(",")),
				Double.parseDouble(options.getOrDefault("prime", "30")));
		Target service = Target.parse("service", Target.Kind.SERVICE, options.get("service"),
				List.of("Authorization: Bearer " + options.getOrDefault("token", "")));
		Target nginx = Target.parse("nginx", Target.Kind.NGINX, options.get("nginx"), List.of());
		Target s3proxy = options.containsKey("s3proxy")
				? Target.parse("s3proxy", Target.Kind.S3, options.get("s3proxy"), List.of()) : null;
		List<Target> targets = new ArrayList<>(List.of(service, nginx));
		if (s3proxy != null) {
			targets.add(s3proxy);
		}
		Path gcLog = options.containsKey("gc-log") ? Path.of(options.get("gc-log")) : null;
		Report report = new Report(settings);
		Disk disk = new Disk(Path.of(options.getOrDefault("scratch", System.getProperty("java.io.tmpdir"))));
		new Load(settings, report, service, targets, disk).run(gcLog);
		String text = report.render(service.name(), nginx.name(), s3proxy == null ? null : s3proxy.name());
		System.out.println(text);
		if (options.containsKey("out")) {
			Files.writeString(Path.of(options.get("out")), text);
		}
	}

	private final Settings settings;

	private final Report report;

	private final Target service;

	private final List<Target> targets;

	private final Workloads workloads;

	private final Disk disk;

	private Load(Settings settings, Report report, Target service, List<Target> targets, Disk disk) {
		this.settings = settings;
		this.report = report;
		this.service = service;
		this.targets = targets;
		this.workloads = new Workloads(settings);
		this.disk = disk;
	}

	private void run(Path gcLog) throws InterruptedException {
		long smallFrom = System.currentTimeMillis();
		for (Target target : this.targets) {
			Probe.resetPeakRss(target.pid());
		}
		if (this.settings.runs("get")) {
			Map<String, List<Stats.Summary>> rounds = inRounds("get",
					target -> log("get", target, this.workloads.gets(target)));
			rounds.forEach((name, results) -> this.report.gets.put(name, median(results, Stats.Summary::perSecond)));
			this.report.rounds.add(rounds("1 KiB GET, req/s", rounds, Stats.Summary::perSecond));
		}
		if (this.settings.runs("put")) {
			try {
				this.report.syncMillis = this.disk.syncMillis();
				progress("put", "disk", "4 KiB written to a new file and synced in "
						+ Report.fmt(this.report.syncMillis) + " ms (median)");
			}
			catch (IOException ex) {
				this.report.failures.put("sync latency of the disk alone", ex.toString());
			}
			Map<String, List<Stats.Summary>> rounds = inRounds("put", target -> {
				double[] before = target.isService() ? commitCounters(target) : null;
				Stats.Summary summary = log("put", target, this.workloads.puts(target));
				if (before != null) {
					addCommitCounts(target, before, commitCounters(target));
				}
				return summary;
			});
			rounds.forEach((name, results) -> this.report.puts.put(name, median(results, Stats.Summary::perSecond)));
			this.report.rounds.add(rounds("1 KiB PUT, req/s", rounds, Stats.Summary::perSecond));
		}
		if (this.settings.runs("runs")) {
			measure("runs", this.service, () -> {
				Stats.Summary runs = this.workloads.runs(this.service);
				this.report.runs = runs;
				progress("runs", this.service, "registration mean " + Report.fmt(runs.meanMs()) + " ms, p99 "
						+ Report.fmt(runs.percentileMs(0.99)) + " ms, " + runs.count() + " ok, " + runs.errors()
						+ " errors" + (runs.firstError() == null ? "" : " (" + runs.firstError() + ")"));
			});
		}
		long smallTo = System.currentTimeMillis();
		for (Target target : this.targets) {
			this.report.smallRss.put(target.name(), Probe.peakRssMiB(target.pid()));
		}
		if (gcLog != null) {
			this.report.smallGc = Probe.gcWindow(gcLog, smallFrom, smallTo);
		}
		if (this.settings.runs("big")) {
			Map<String, List<Workloads.Transfer>> rounds = inRounds("big", target -> {
				Workloads.Transfer transfer = this.workloads.transfer(target);
				progress("big", target, Report.fmt(transfer.uploadMiBs()) + " MiB/s up, "
						+ Report.fmt(transfer.downloadMiBs()) + " MiB/s down, peak RSS "
						+ Report.fmt(transfer.peakRssMiB()) + " MiB"
						+ (transfer.verified() ? ", SHA-256 ok" : ", FAILED: " + transfer.problem()));
				if (target.isService() && gcLog != null && this.report.bigGc == null) {
					this.report.bigGc = Probe.gcWindow(gcLog, transfer.fromMillis(), transfer.toMillis());
				}
				return transfer;
			}, this::durableUpload);
			// A failed transfer in any round is what the table shows, so that it cannot hide.
			rounds.forEach((name, transfers) -> this.report.transfers.put(name,
					transfers.stream().filter(t -> !t.verified()).findFirst()
						.orElseGet(() -> median(transfers, Workloads.Transfer::uploadMiBs))));
			this.report.rounds.add(rounds("1 GiB upload, MiB/s", rounds, Workloads.Transfer::uploadMiBs));
			this.report.rounds.add(rounds("1 GiB download, MiB/s", rounds, Workloads.Transfer::downloadMiBs));
		}
		if (this.settings.runs("scale")) {
			measure("scale", this.service, () -> {
				this.report.scale = new Scale(this.settings).run(this.service);
				progress("scale", this.service, "done");
			});
		}
	}

	/**
	 * Runs a workload {@code rounds} times on every target, the targets taking turns, and
	 * collects each target's results in order.
	 */
	private <T> Map<String, List<T>> inRounds(String phase, Round<T> round) throws InterruptedException {
		return inRounds(phase, round, () -> {
		});
	}

	/** As {@link #inRounds(String, Round)}, with {@code afterEach} at the end of every round. */
	private <T> Map<String, List<T>> inRounds(String phase, Round<T> round, Step afterEach)
			throws InterruptedException {
		Map<String, List<T>> results = new LinkedHashMap<>();
		for (int i = 0; i < this.settings.rounds(); i++) {
			for (Target target : this.targets) {
				measure(phase, target, () -> results.computeIfAbsent(target.name(), name -> new ArrayList<>())
					.add(round.run(target)));
			}
			try {
				afterEach.run();
			}
			catch (IOException | RuntimeException ex) {
				this.report.failures.put(phase + " on the disk alone", ex.toString());
				progress(phase, "disk", "FAILED: " + ex);
			}
		}
		return results;
	}

	/** The disk's reference for a durable upload, in the same round as the servers' uploads. */
	private void durableUpload() throws IOException, InterruptedException {
		drain();
		double mibs = this.disk.durableUpload(this.workloads.bigContent());
		this.report.durableUploads.add(mibs);
		progress("big", "disk", Report.fmt(mibs) + " MiB/s written to a new file and synced");
	}

	private interface Round<T> {

		T run(Target target) throws IOException, InterruptedException;

	}

	/** The result of the middle round by {@code figure} (the lower middle of an even count). */
	static <T> T median(List<T> results, ToDoubleFunction<T> figure) {
		List<T> sorted = new ArrayList<>(results);
		sorted.sort(Comparator.comparingDouble(figure));
		return sorted.get((sorted.size() - 1) / 2);
	}

	private static <T> String rounds(String label, Map<String, List<T>> rounds,
			ToDoubleFunction<T> figure) {
		List<String> parts = new ArrayList<>();
		rounds.forEach((name, results) -> parts.add(name + " " + String.join(" / ",
				results.stream().map(result -> Report.fmt(figure.applyAsDouble(result))).toList())));
		return label + ": " + String.join("; ", parts);
	}

	/** A phase on one target; a failure is reported in the table, and the benchmark goes on. */
	private void measure(String phase, Target target, Step step) throws InterruptedException {
		settle(target);
		this.report.loads.add(phase + "/" + target.name() + " " + Probe.loadAverage());
		progress(phase, target, "starting (load average " + Probe.loadAverage() + ")");
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

	private interface Step {

		void run() throws IOException, InterruptedException;

	}

	/**
	 * Waits before a measurement: a moment for the previous server's load to drain, and on the
	 * service until its reclaim job has stopped deleting the bytes of evicted objects (bounded).
	 */
	private void settle(Target target) throws InterruptedException {
		drain();
		if (!target.isService()) {
			return;
		}
		double last = -1;
		int unchanged = 0;
		long deadline = System.nanoTime() + 90_000_000_000L;
		try (Http http = target.connect()) {
			while (unchanged < 3 && System.nanoTime() < deadline) {
				double reclaimed = reclaimed(http);
				unchanged = reclaimed == last ? unchanged + 1 : 0;
				last = reclaimed;
				if (unchanged < 3) {
					Thread.sleep(3_000);
				}
			}
		}
		catch (IOException ex) {
			// no metrics: the fixed pause has to do
		}
	}

	/** A moment for the previous load to drain, its writes flushed first. */
	private static void drain() throws InterruptedException {
		flushDirtyPages();
		Thread.sleep(2_000);
	}

	/**
	 * Writes out what earlier loads left in the page cache, so that no server's writes compete
	 * with the kernel flushing another's. nginx's PUT figures still swing from round to round
	 * (4,782 to 15,663 req/s in one run), which is why every round is reported.
	 */
	private static void flushDirtyPages() throws InterruptedException {
		try {
			new ProcessBuilder("sync").inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			// no sync command: the pause has to do
		}
	}

	private static double reclaimed(Http http) throws IOException {
		return metric(http, "gofer_retention_blobs_reclaimed_total");
	}

	/**
	 * The SQLite catalog's commit counters: uploads committed by the batch writer, its
	 * transactions, and syncs of the log.
	 */
	private static double[] commitCounters(Target target) throws IOException {
		try (Http http = target.connect()) {
			return new double[] { metric(http, "gofer_catalog_commit_batched_total"),
					metric(http, "gofer_catalog_commit_batches_total"), metric(http, "gofer_catalog_syncs_total") };
		}
	}

	/** The commit counters summed over the rounds of the PUT load. */
	private final double[] commitCounts = new double[3];

	private void addCommitCounts(Target target, double[] before, double[] after) {
		for (int i = 0; i < this.commitCounts.length; i++) {
			this.commitCounts[i] += after[i] - before[i];
		}
		double uploads = this.commitCounts[0];
		double batches = this.commitCounts[1];
		double syncs = this.commitCounts[2];
		if (batches > 0) {
			this.report.commits = String.format(
					"Commits during the service's PUT load (warm-up included): %.0f uploads committed in "
							+ "%.0f transactions of the batch writer, %.1f per transaction, made durable by %.0f syncs.",
					uploads, batches, uploads / batches, syncs);
			progress("put", target, String.format("%.1f uploads per transaction", uploads / batches));
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

	private static Stats.Summary log(String phase, Target target, Stats.Summary s) {
		progress(phase, target, Report.fmt(s.perSecond()) + "/s, p50 " + Report.fmt(s.percentileMs(0.5)) + " ms, p99 "
				+ Report.fmt(s.percentileMs(0.99)) + " ms, " + s.count() + " ok, " + s.errors() + " errors"
				+ (s.firstError() == null ? "" : " (" + s.firstError() + ")"));
		return s;
	}

	private static void progress(String phase, Target target, String message) {
		progress(phase, target.name(), message);
	}

	private static void progress(String phase, String who, String message) {
		System.err.printf("[%-5s] %-8s %s%n", phase, who, message);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + args[i] + "\n" + USAGE);
			}
			String name = args[i].substring(2);
			if (name.equals("help")) {
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
