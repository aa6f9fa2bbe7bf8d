import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** Collects the figures of one run and prints them as Markdown tables, ratios and targets beside. */
final class Report {

	final Settings settings;

	final Map<String, Stats.Summary> gets = new LinkedHashMap<>();

	final Map<String, Stats.Summary> puts = new LinkedHashMap<>();

	final Map<String, Workloads.Transfer> transfers = new LinkedHashMap<>();

	final Map<String, Double> smallRss = new LinkedHashMap<>();

	final Map<String, String> failures = new LinkedHashMap<>();

	final List<String> loads = new ArrayList<>();

	/** Each round's figure, per workload, in the order they ran. */
	final List<String> rounds = new ArrayList<>();

	/** What the SQLite catalog's group commit did during the service's PUT load, if it ran. */
	String commits;

	Stats.Summary runs;

	Scale.Result scale;

	Probe.GcWindow smallGc;

	Probe.GcWindow bigGc;

	double smallHeapSampledMiB = Double.NaN;

	/** The disk alone: median time to write 4 KiB to a new file and sync it. */
	double syncMillis = Double.NaN;

	/** The disk alone: the big content written to a new file and synced, MiB/s, every round. */
	final List<Double> durableUploads = new ArrayList<>();

	Report(Settings settings) {
		this.settings = settings;
	}

	String render(String service, String nginx, String s3proxy) {
		StringBuilder out = new StringBuilder();
		Table main = new Table(s3proxy != null);
		out.append("Engine `").append(this.settings.engine()).append("`; ").append(this.settings.concurrency())
			.append(" concurrent clients; ").append(fmt(this.settings.warmup())).append(" s warm-up (")
			.append(fmt(Math.max(this.settings.prime(), this.settings.warmup())))
			.append(" s in each server's first round of a load) + ")
			.append(fmt(this.settings.duration())).append(" s measured per load; ")
			.append(this.settings.bigMiB()).append(" MiB transfer.\n\n");
		main.header();
		throughput(main, "1 KiB GET, req/s", this.gets, service, nginx, s3proxy, 0.30);
		latency(main, "1 KiB GET p50 / p99, ms", this.gets, service, nginx, s3proxy, Double.NaN);
		throughput(main, "1 KiB PUT of a new key, req/s", this.puts, service, nginx, s3proxy, 0.35);
		latency(main, "1 KiB PUT p50 / p99, ms", this.puts, service, nginx, s3proxy, 5.0);
		double[] bigTargets = switch (this.settings.engine()) {
			case "filesystem" -> new double[] { 0.7, 0.8 };
			case "database" -> new double[] { 0.5, 0.4 };
			default -> new double[] { Double.NaN, Double.NaN };
		};
		transfer(main, "1 GiB upload, MiB/s", service, nginx, s3proxy, bigTargets[0], true);
		transfer(main, "1 GiB download, MiB/s", service, nginx, s3proxy, bigTargets[1], false);
		rss(main, service, nginx, s3proxy);
		out.append(main).append('\n');
		if (!this.durableUploads.isEmpty() || !Double.isNaN(this.syncMillis)) {
			out.append(durability(service, nginx)).append('\n');
		}
		out.append(memory(service)).append('\n');
		if (this.runs != null) {
			out.append(runTable()).append('\n');
		}
		if (this.scale != null) {
			out.append(scaleTable()).append('\n');
		}
		if (!this.failures.isEmpty()) {
			out.append("Failures:\n");
			this.failures.forEach((what, why) -> out.append("- ").append(what).append(": ").append(why).append('\n'));
			out.append('\n');
		}
		if (!this.rounds.isEmpty()) {
			out.append("The tables show the median of ").append(this.settings.rounds())
				.append(" rounds, in which the servers took turns. Every round:\n");
			this.rounds.forEach(line -> out.append("- ").append(line).append('\n'));
			out.append('\n');
		}
		if (this.commits != null) {
			out.append(this.commits).append("\n\n");
		}
		out.append("Load average (1/5/15 min) at the start of each measurement: ")
			.append(String.join("; ", this.loads))
			.append(".\n");
		return out.toString();
	}

	private void throughput(Table table, String label, Map<String, Stats.Summary> results, String service,
			String nginx, String s3proxy, double target) {
		table.row(label, value(results, service, s -> fmt(s.perSecond()) + errors(s)),
				value(results, nginx, s -> fmt(s.perSecond()) + errors(s)),
				ratio(results, service, nginx, Stats.Summary::perSecond), check(
						ratioValue(results, service, nginx, Stats.Summary::perSecond), target, true),
				value(results, s3proxy, s -> fmt(s.perSecond()) + errors(s)),
				ratio(results, service, s3proxy, Stats.Summary::perSecond));
	}

	private void latency(Table table, String label, Map<String, Stats.Summary> results, String service, String nginx,
			String s3proxy, double target) {
		ToDoubleFunction<Stats.Summary> p99 = s -> s.percentileMs(0.99);
		table.row(label, value(results, service, Report::percentiles), value(results, nginx, Report::percentiles),
				ratio(results, service, nginx, p99) + " (p99)",
				check(ratioValue(results, service, nginx, p99), target, false),
				value(results, s3proxy, Report::percentiles), ratio(results, service, s3proxy, p99) + " (p99)");
	}

	private void transfer(Table table, String label, String service, String nginx, String s3proxy, double target,
			boolean upload) {
		ToDoubleFunction<Workloads.Transfer> speed = t -> upload ? t.uploadMiBs() : t.downloadMiBs();
		table.row(label, value(this.transfers, service, t -> fmt(speed.applyAsDouble(t)) + verified(t)),
				value(this.transfers, nginx, t -> fmt(speed.applyAsDouble(t)) + verified(t)),
				ratio(this.transfers, service, nginx, speed),
				check(ratioValue(this.transfers, service, nginx, speed), target, true),
				value(this.transfers, s3proxy, t -> fmt(speed.applyAsDouble(t)) + verified(t)),
				ratio(this.transfers, service, s3proxy, speed));
	}

	private void rss(Table table, String service, String nginx, String s3proxy) {
		ToDoubleFunction<Workloads.Transfer> rss = Workloads.Transfer::peakRssMiB;
		table.row("peak RSS during the 1 GiB transfer, MiB", value(this.transfers, service, t -> rssCell(t)),
				value(this.transfers, nginx, t -> rssCell(t)), ratio(this.transfers, service, nginx, rss), "—",
				value(this.transfers, s3proxy, t -> rssCell(t)), ratio(this.transfers, service, s3proxy, rss));
	}

	/**
	 * The disk's own figures beside the servers': nginx answers before its writes reach the disk,
	 * the service only after, so a durable upload cannot beat the disk's reference.
	 */
	private String durability(String service, String nginx) {
		StringBuilder out = new StringBuilder();
		out.append("| the disk alone (load generator, same directory) | figure | service ÷ disk | disk ÷ nginx |\n")
			.append("|---|---:|---:|---:|\n");
		if (!this.durableUploads.isEmpty()) {
			double disk = Load.median(this.durableUploads, Double::doubleValue);
			Workloads.Transfer up = this.transfers.get(service);
			Workloads.Transfer peer = this.transfers.get(nginx);
			out.append("| ").append(this.settings.bigMiB())
				.append(" MiB written to a new file and synced, MiB/s | ").append(fmt(disk)).append(" | ")
				.append(times(up == null ? Double.NaN : up.uploadMiBs() / disk)).append(" (upload) | ")
				.append(times(peer == null ? Double.NaN : disk / peer.uploadMiBs())).append(" (upload) |\n");
		}
		if (!Double.isNaN(this.syncMillis)) {
			out.append("| 4 KiB written to a new file and synced, median ms | ").append(fmt(this.syncMillis))
				.append(" | — | — |\n");
		}
		out.append("\nnginx answers a PUT once its bytes are in the page cache; the service answers only once they ")
			.append("are synced. No server that syncs before answering uploads faster than the disk alone, so an ")
			.append("upload target above \"disk ÷ nginx\" is out of reach of any durable server in this run.\n");
		return out.toString();
	}

	private String memory(String service) {
		Workloads.Transfer big = this.transfers.get(service);
		StringBuilder out = new StringBuilder();
		out.append("| service memory (`-Xmx256m`) | 1 KiB loads | 1 GiB transfer |\n|---|---|---|\n");
		out.append("| peak heap used before a GC (GC log), MiB | ").append(gcBefore(this.smallGc)).append(" | ")
			.append(gcBefore(this.bigGc)).append(" |\n");
		out.append("| largest heap left after a GC (GC log), MiB | ").append(gcAfter(this.smallGc)).append(" | ")
			.append(gcAfter(this.bigGc)).append(" |\n");
		out.append("| peak heap used, sampled every 250 ms (actuator), MiB | — | ")
			.append(big == null ? "—" : fmt(big.sampledHeapMiB())).append(" |\n");
		out.append("| peak RSS (VmHWM), MiB | ").append(fmtOrDash(this.smallRss.get(service))).append(" | ")
			.append(big == null ? "—" : rssCell(big)).append(" |\n");
		boolean through = big != null && big.verified();
		out.append("\nTarget \"heap flat whatever the object size (1 GiB through `-Xmx256m`)\": ")
			.append(big == null ? "not measured (the big phase did not run)"
					: through ? "✓ the 1 GiB object went through and came back intact"
							: "✗ the 1 GiB transfer did not complete intact")
			.append(".\n");
		return out.toString();
	}

	private String runTable() {
		Stats.Summary s = this.runs;
		int k = this.settings.runObjects();
		double mean = s.meanMs();
		return "| run registration expiring " + k + " objects (one client) | mean ms | p50 ms | p99 ms | registrations/s "
				+ "| µs per expired object |\n|---|---|---|---|---|---|\n| service | " + fmt(mean) + " | "
				+ fmt(s.percentileMs(0.5)) + " | " + fmt(s.percentileMs(0.99)) + " | " + fmt(1000 / mean) + errors(s)
				+ " | " + fmt(mean * 1000 / k) + " |\n";
	}

	private String scaleTable() {
		Scale.Result r = this.scale;
		StringBuilder out = new StringBuilder();
		out.append("| cost grows with the work (service; medians of ").append(r.reps())
			.append(" unless noted) | small | large | large/small | expected |\n|---|---|---|---|---|\n");
		double perSmall = r.expireSmallMs() / r.small();
		double perLarge = r.expireLargeMs() / r.large();
		out.append(scaleRow("register a run expiring " + r.small() + " vs " + r.large() + " objects, ms (large: one try)",
				r.expireSmallMs(), r.expireLargeMs(), r.large() / (double) r.small(),
				"≈ " + r.large() / r.small() + "× (proportional)"));
		out.append(scaleRow("… per expired object, µs", perSmall * 1000, perLarge * 1000, 1, "≤ 2×"));
		out.append(scaleRow("register a run expiring " + r.small() + " objects, alone vs beside a run of " + r.large()
				+ ", ms (beside: one try)", r.expireSmallMs(), r.expireSmallBesideLargeMs(), 1, "≤ 2×"));
		out.append(scaleRow("PUT evicting 1, pipeline of " + r.small() + " vs " + r.large() + " objects, ms",
				r.evictSmallMs(), r.evictLargeMs(), 1, "≤ 2×"));
		out.append(scaleRow("list `?limit=1`, pipeline of " + r.tiny() + " vs " + r.large() + " objects, ms",
				r.listTinyMs(), r.listLargeMs(), 1, "≤ 2×"));
		out.append(scaleRow("list `?order=newest&limit=1`, " + r.tiny() + " vs " + r.large() + " objects, ms",
				r.newestTinyMs(), r.newestLargeMs(), 1, "≤ 2×"));
		out.append("\nFilling pipelines of ").append(r.large()).append(", ").append(r.small()).append(" and ")
			.append(r.tiny()).append(" objects (1 KiB writes, ").append(this.settings.concurrency())
			.append(" clients) took ").append(fmt(r.fillSeconds())).append(" s.\n");
		return out.toString();
	}

	/** A row whose check is large/small ≤ 2 × {@code allowed}. */
	private static String scaleRow(String label, double small, double large, double allowed, String expected) {
		double ratio = large / small;
		String mark = Double.isNaN(ratio) ? "" : ratio <= 2 * allowed ? " ✓" : " ✗";
		return "| " + label + " | " + fmt(small) + " | " + fmt(large) + " | " + fmt(ratio) + " | " + expected + mark
				+ " |\n";
	}

	private static String percentiles(Stats.Summary s) {
		return fmt(s.percentileMs(0.5)) + " / " + fmt(s.percentileMs(0.99));
	}

	private static String errors(Stats.Summary s) {
		return s.errors() == 0 ? "" : " (" + s.errors() + " errors: " + s.firstError() + ")";
	}

	private static String verified(Workloads.Transfer t) {
		return t.verified() ? "" : " (✗ " + t.problem() + ")";
	}

	private static String rssCell(Workloads.Transfer t) {
		return fmt(t.peakRssMiB()) + (t.rssReset() ? "" : " (process lifetime)") + " (" + fmt(t.rssBeforeMiB())
				+ " before)";
	}

	private static String gcBefore(Probe.GcWindow w) {
		return w == null ? "—" : w.collections() == 0 ? "no GC" : fmt(w.peakBeforeMiB()) + " (" + w.collections() + " GCs)";
	}

	private static String gcAfter(Probe.GcWindow w) {
		return w == null || w.collections() <= 0 ? "—" : fmt(w.peakAfterMiB());
	}

	private static <T> String value(Map<String, T> results, String target,
			Function<T, String> format) {
		if (target == null) {
			return "—";
		}
		T result = results.get(target);
		return result == null ? "—" : format.apply(result);
	}

	private static <T> double ratioValue(Map<String, T> results, String a, String b,
			ToDoubleFunction<T> metric) {
		if (a == null || b == null || results.get(a) == null || results.get(b) == null) {
			return Double.NaN;
		}
		return metric.applyAsDouble(results.get(a)) / metric.applyAsDouble(results.get(b));
	}

	private static <T> String ratio(Map<String, T> results, String a, String b,
			ToDoubleFunction<T> metric) {
		double ratio = ratioValue(results, a, b, metric);
		return Double.isNaN(ratio) ? "—" : fmt(ratio) + "×";
	}

	/** The target beside a ratio, ✓ or ✗ with the shortfall. */
	private static String check(double ratio, double target, boolean atLeast) {
		if (Double.isNaN(target)) {
			return "—";
		}
		String goal = (atLeast ? "≥ " : "≤ ") + fmt(target) + "×";
		if (Double.isNaN(ratio)) {
			return goal;
		}
		boolean met = atLeast ? ratio >= target : ratio <= target;
		if (met) {
			return goal + " ✓";
		}
		double off = atLeast ? (1 - ratio / target) * 100 : (ratio / target - 1) * 100;
		return goal + " ✗ (" + (atLeast ? "short by " : "over by ") + fmt(off) + " %)";
	}

	private static String times(double ratio) {
		return Double.isNaN(ratio) ? "—" : fmt(ratio) + "×";
	}

	private static String fmtOrDash(Double value) {
		return value == null ? "—" : fmt(value);
	}

	static String fmt(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "—";
		}
		double abs = Math.abs(value);
		String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
		return String.format(Locale.ROOT, pattern, value);
	}

	/** A Markdown table with the service, nginx and (optionally) s3proxy columns. */
	private static final class Table {

		private final boolean s3proxy;

		private final StringBuilder text = new StringBuilder();

		Table(boolean s3proxy) {
			this.s3proxy = s3proxy;
		}

		void header() {
			row("workload", "service", "nginx", "service/nginx", "target", "s3proxy", "service/s3proxy");
			row("---", "---:", "---:", "---:", "---", "---:", "---:");
		}

		void row(String label, String service, String nginx, String ratio, String target, String s3, String s3Ratio) {
			this.text.append("| ").append(label).append(" | ").append(service).append(" | ").append(nginx).append(" | ")
				.append(ratio).append(" | ").append(target);
			if (this.s3proxy) {
				this.text.append(" | ").append(s3).append(" | ").append(s3Ratio);
			}
			this.text.append(" |\n");
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
