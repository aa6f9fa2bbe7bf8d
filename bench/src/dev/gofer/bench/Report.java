package dev.gofer.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Collects the figures of one run and prints them as Markdown: every round of every load,
 * the ratios round by round and their median, and the targets of issue 19 with ✓ or ✗.
 */
final class Report {

	static final String SERVICE = "service";

	static final String SCOPED = "service (scoped token)";

	static final String NGINX = "nginx";

	static final String S3PROXY = "s3proxy";

	/**
	 * "The same or better" with a scoped token, allowing for the noise of a shared
	 * machine.
	 */
	static final double SCOPED_TARGET = 0.95;

	/** One measured wrk run of one server. */
	record SmallRun(String load, int connections, int round, String target, Wrk.Result result) {

	}

	/** nginx driven by one wrk thread and by all of them. */
	record ClientCheck(int connections, Wrk.Result one, Wrk.Result all) {

		double oneOfAll() {
			return this.one.perSecond() / this.all.perSecond();
		}

	}

	private final Settings settings;

	private final boolean s3proxy;

	final List<SmallRun> small = new ArrayList<>();

	final Map<String, List<Transfers.Result>> big = new LinkedHashMap<>();

	final Map<String, List<Transfers.Result>> parallel = new LinkedHashMap<>();

	final Map<String, Double> smallRss = new LinkedHashMap<>();

	final Map<String, String> failures = new LinkedHashMap<>();

	final List<String> notes = new ArrayList<>();

	final List<String> loads = new ArrayList<>();

	ClientCheck clientCheck;

	Probe.GcWindow smallGc;

	Probe.GcWindow bigGc;

	/** The disk alone: median time to write 4 KiB to a new file and sync it. */
	double syncMillis = Double.NaN;

	/**
	 * The disk alone: the big content written to a new file and synced, MiB/s, every
	 * round.
	 */
	final List<Double> durableUploads = new ArrayList<>();

	Report(Settings settings, boolean s3proxy) {
		this.settings = settings;
		this.s3proxy = s3proxy;
	}

	String render() {
		StringBuilder out = new StringBuilder();
		out.append("Engine `")
			.append(this.settings.engine())
			.append("`. 1 KiB loads: wrk, ")
			.append(this.settings.threads())
			.append(" threads, ")
			.append(fmt(this.settings.duration()))
			.append(" s per run after a ")
			.append(fmt(this.settings.warmup()))
			.append(" s warm-up of every server for each load; ")
			.append(this.settings.rounds())
			.append(this.settings.rounds() == 1 ? " round" : " rounds")
			.append(" in which the servers take turns; ratios are the service's figure over the peer's in")
			.append(" the same round, and their median. Transfers: ")
			.append(this.settings.bigMiB())
			.append(" MiB, and ")
			.append(this.settings.parallel())
			.append(" × ")
			.append(this.settings.parallelMiB())
			.append(" MiB at once, from the benchmark's JVM.")
			.append(this.settings.smoke() ? " **Smoke run: these figures only show that the harness works.**" : "")
			.append("\n\n");
		if (this.clientCheck != null) {
			out.append(clientCheck()).append('\n');
		}
		for (String load : List.of("get", "put")) {
			for (int connections : this.settings.connections()) {
				if (this.small.stream().anyMatch(r -> r.load().equals(load) && r.connections() == connections)) {
					out.append(smallTable(load, connections)).append('\n');
				}
			}
		}
		out.append(targets()).append('\n');
		if (!this.big.isEmpty()) {
			out.append(transferTable(this.settings.bigMiB() + " MiB, one at a time", this.big)).append('\n');
		}
		if (!this.parallel.isEmpty()) {
			out.append(transferTable(this.settings.parallel() + " × " + this.settings.parallelMiB() + " MiB at once",
					this.parallel))
				.append('\n');
		}
		if (!this.durableUploads.isEmpty() || !Double.isNaN(this.syncMillis)) {
			out.append(disk()).append('\n');
		}
		out.append(memory()).append('\n');
		this.notes.forEach(note -> out.append(note).append("\n\n"));
		if (!this.failures.isEmpty()) {
			out.append("Failures:\n");
			this.failures.forEach((what, why) -> out.append("- ").append(what).append(": ").append(why).append('\n'));
			out.append('\n');
		}
		out.append("Load average (1/5/15 min) at the start of each measurement: ")
			.append(String.join("; ", this.loads))
			.append(".\n");
		return out.toString();
	}

	private String clientCheck() {
		ClientCheck check = this.clientCheck;
		boolean ok = check.oneOfAll() >= 0.8;
		return "**Is the client the limit?** nginx, 1 KiB GETs, " + check.connections() + " connections: "
				+ fmt(check.one().perSecond()) + " req/s with 1 wrk thread (wrk's CPU "
				+ percent(check.one().cpuShare()) + " of its thread), " + fmt(check.all().perSecond()) + " req/s with "
				+ check.all().threads() + " (wrk's CPU " + percent(check.all().cpuShare())
				+ " of its threads): one thread reaches " + percent(check.oneOfAll()) + " of the rate of "
				+ check.all().threads() + ". "
				+ (ok ? "✓ A client at its limit would reach about half with one thread; this one has room to spare, "
						+ "and every server but nginx is slower still."
						: "✗ One thread falls well short of " + check.all().threads()
								+ ": the client may be what limits nginx's figure, and so the ratios to it.")
				+ "\n";
	}

	private List<String> smallTargets() {
		List<String> names = new ArrayList<>(List.of(SERVICE, SCOPED, NGINX));
		if (this.s3proxy) {
			names.add(S3PROXY);
		}
		return names;
	}

	private String smallTable(String load, int connections) {
		StringBuilder out = new StringBuilder();
		String title = load.equals("get") ? "1 KiB GET of 1 of " + this.settings.keys() + " keys"
				: "1 KiB durable PUT of a new key (on the service into a full pipeline: every write evicts one)";
		out.append("**")
			.append(title)
			.append(", ")
			.append(connections)
			.append(" connections** — req/s (p50 / p99 ms)\n\n");
		List<String> names = smallTargets();
		StringBuilder header = new StringBuilder("| round |");
		StringBuilder rule = new StringBuilder("|---|");
		for (String name : names) {
			header.append(' ').append(name).append(" |");
			rule.append("---:|");
		}
		header.append(" service/nginx |");
		rule.append("---:|");
		if (this.s3proxy) {
			header.append(" service/s3proxy |");
			rule.append("---:|");
		}
		if (load.equals("put")) {
			header.append(" p99 service/nginx |");
			rule.append("---:|");
		}
		header.append(" scoped/admin |");
		rule.append("---:|");
		out.append(header).append('\n').append(rule).append('\n');
		for (int round = 1; round <= this.settings.rounds(); round++) {
			out.append("| ").append(round).append(" |");
			for (String name : names) {
				SmallRun run = run(load, connections, round, name);
				out.append(' ').append(run == null ? "—" : cell(run.result())).append(" |");
			}
			for (Double ratio : ratios(load, connections, round)) {
				out.append(' ').append(times(ratio)).append(" |");
			}
			out.append('\n');
		}
		out.append("| median |");
		for (String name : names) {
			out.append(' ').append(fmt(median(figures(load, connections, name, Wrk.Result::perSecond)))).append(" |");
		}
		List<List<Double>> perRound = new ArrayList<>();
		for (int round = 1; round <= this.settings.rounds(); round++) {
			perRound.add(ratios(load, connections, round));
		}
		for (int column = 0; column < perRound.get(0).size(); column++) {
			int c = column;
			out.append(" **")
				.append(times(median(perRound.stream().map(ratios -> ratios.get(c)).toList())))
				.append("** |");
		}
		out.append('\n');
		double wrkCpu = median(this.small.stream()
			.filter(r -> r.load().equals(load) && r.connections() == connections && r.target().equals(NGINX))
			.map(r -> r.result().cpuShare())
			.toList());
		out.append("\nwrk's CPU while it drove nginx: ")
			.append(percent(wrkCpu))
			.append(" of its ")
			.append(this.settings.threads())
			.append(" threads (median).\n");
		return out.toString();
	}

	/**
	 * The ratio columns of one round: service/nginx, service/s3proxy, p99 (put),
	 * scoped/admin.
	 */
	private List<Double> ratios(String load, int connections, int round) {
		List<Double> ratios = new ArrayList<>();
		ratios.add(ratio(load, connections, round, SERVICE, NGINX, Wrk.Result::perSecond));
		if (this.s3proxy) {
			ratios.add(ratio(load, connections, round, SERVICE, S3PROXY, Wrk.Result::perSecond));
		}
		if (load.equals("put")) {
			ratios.add(ratio(load, connections, round, SERVICE, NGINX, Wrk.Result::p99Ms));
		}
		ratios.add(ratio(load, connections, round, SCOPED, SERVICE, Wrk.Result::perSecond));
		return ratios;
	}

	private double ratio(String load, int connections, int round, String a, String b,
			ToDoubleFunction<Wrk.Result> figure) {
		SmallRun x = run(load, connections, round, a);
		SmallRun y = run(load, connections, round, b);
		return (x == null || y == null) ? Double.NaN
				: figure.applyAsDouble(x.result()) / figure.applyAsDouble(y.result());
	}

	/** The median over the rounds of a ratio of the same round's figures. */
	private double medianRatio(String load, int connections, String a, String b, ToDoubleFunction<Wrk.Result> figure) {
		List<Double> ratios = new ArrayList<>();
		for (int round = 1; round <= this.settings.rounds(); round++) {
			ratios.add(ratio(load, connections, round, a, b, figure));
		}
		return median(ratios);
	}

	private SmallRun run(String load, int connections, int round, String target) {
		return this.small.stream()
			.filter(r -> r.load().equals(load) && r.connections() == connections && r.round() == round
					&& r.target().equals(target))
			.findFirst()
			.orElse(null);
	}

	private List<Double> figures(String load, int connections, String target, ToDoubleFunction<Wrk.Result> figure) {
		return this.small.stream()
			.filter(r -> r.load().equals(load) && r.connections() == connections && r.target().equals(target))
			.map(r -> figure.applyAsDouble(r.result()))
			.toList();
	}

	private static String cell(Wrk.Result r) {
		return fmt(r.perSecond()) + " (" + fmt(r.p50Ms()) + " / " + fmt(r.p99Ms()) + ")"
				+ (r.errorText() == null ? "" : " ✗ " + r.errorText());
	}

	/** The targets, each with the median ratio it is judged by. */
	private String targets() {
		StringBuilder out = new StringBuilder("**Targets** (issue 19; each the median of the rounds' ratios)\n\n");
		out.append("| target | measured | |\n|---|---:|---|\n");
		for (int connections : this.settings.connections()) {
			String at = ", " + connections + " connections";
			target(out, "1 KiB GET ≥ 0.40× nginx" + at,
					medianRatio("get", connections, SERVICE, NGINX, Wrk.Result::perSecond), 0.40, true);
			target(out, "1 KiB GET ≥ 1.5× S3Proxy" + at,
					medianRatio("get", connections, SERVICE, S3PROXY, Wrk.Result::perSecond), 1.5, true);
			target(out, "1 KiB durable PUT ≥ 0.45× nginx" + at,
					medianRatio("put", connections, SERVICE, NGINX, Wrk.Result::perSecond), 0.45, true);
			target(out, "1 KiB durable PUT ≥ 1.5× S3Proxy" + at,
					medianRatio("put", connections, SERVICE, S3PROXY, Wrk.Result::perSecond), 1.5, true);
			double p99 = connections <= 32 ? 5 : 10;
			target(out, "1 KiB PUT p99 ≤ " + (int) p99 + "× nginx's" + at,
					medianRatio("put", connections, SERVICE, NGINX, Wrk.Result::p99Ms), p99, false);
			target(out, "scoped token's GET ≥ 0.95× the admin token's (the same, give or take noise)" + at,
					medianRatio("get", connections, SCOPED, SERVICE, Wrk.Result::perSecond), SCOPED_TARGET, true);
			target(out, "scoped token's PUT ≥ 0.95× the admin token's" + at,
					medianRatio("put", connections, SCOPED, SERVICE, Wrk.Result::perSecond), SCOPED_TARGET, true);
		}
		String size = this.settings.bigMiB() + " MiB";
		double upload = switch (this.settings.engine()) {
			case "filesystem" -> 0.9;
			case "database" -> 0.6;
			default -> Double.NaN;
		};
		double download = Double.isNaN(upload) ? Double.NaN : 0.8;
		if (Double.isNaN(upload)) {
			out.append("| ")
				.append(size)
				.append(" upload and download (no target for the ")
				.append(this.settings.engine())
				.append(" engine) | ")
				.append(times(transferRatio(this.big, Transfers.Result::uploadMiBs)))
				.append(" / ")
				.append(times(transferRatio(this.big, Transfers.Result::downloadMiBs)))
				.append(" | — |\n");
		}
		else {
			target(out, size + " upload ≥ " + upload + "× nginx", transferRatio(this.big, Transfers.Result::uploadMiBs),
					upload, true);
			target(out, size + " download ≥ " + download + "× nginx",
					transferRatio(this.big, Transfers.Result::downloadMiBs), download, true);
		}
		List<Transfers.Result> service = this.big.get(SERVICE);
		out.append("| heap flat through the ").append(size).append(" transfer (`-Xmx256m`) | ");
		if (service == null) {
			out.append("not measured | |\n");
		}
		else {
			boolean intact = service.stream().allMatch(Transfers.Result::verified);
			out.append(gcAfter(this.bigGc))
				.append(" MiB left after a GC at most | ")
				.append(intact ? "✓ every transfer went through intact" : "✗ a transfer did not complete intact")
				.append(" |\n");
		}
		return out.toString();
	}

	private static void target(StringBuilder out, String label, double ratio, double target, boolean atLeast) {
		out.append("| ").append(label).append(" | ").append(times(ratio)).append(" | ");
		if (Double.isNaN(ratio)) {
			out.append("not measured");
		}
		else if (atLeast ? ratio >= target : ratio <= target) {
			out.append("✓");
		}
		else {
			double off = atLeast ? (1 - ratio / target) * 100 : (ratio / target - 1) * 100;
			out.append("✗ ").append(atLeast ? "short by " : "over by ").append(fmt(off)).append(" %");
		}
		out.append(" |\n");
	}

	/**
	 * The median over the rounds of the service's rate over nginx's in the same round.
	 */
	private static double transferRatio(Map<String, List<Transfers.Result>> results,
			ToDoubleFunction<Transfers.Result> figure) {
		List<Transfers.Result> service = results.get(SERVICE);
		List<Transfers.Result> nginx = results.get(NGINX);
		if (service == null || nginx == null) {
			return Double.NaN;
		}
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(service.size(), nginx.size()); i++) {
			ratios.add(figure.applyAsDouble(service.get(i)) / figure.applyAsDouble(nginx.get(i)));
		}
		return median(ratios);
	}

	private String transferTable(String title, Map<String, List<Transfers.Result>> results) {
		StringBuilder out = new StringBuilder("**Transfers, " + title + "** — MiB/s up / down (SHA-256 checked)\n\n");
		List<String> names = new ArrayList<>(results.keySet());
		out.append("| round |");
		names.forEach(name -> out.append(' ').append(name).append(" |"));
		out.append(" service/nginx up / down |\n|---|");
		names.forEach(name -> out.append("---:|"));
		out.append("---:|\n");
		int rounds = results.values().stream().mapToInt(List::size).max().orElse(0);
		for (int round = 0; round < rounds; round++) {
			out.append("| ").append(round + 1).append(" |");
			for (String name : names) {
				List<Transfers.Result> list = results.get(name);
				out.append(' ').append(round < list.size() ? transferCell(list.get(round)) : "—").append(" |");
			}
			int r = round;
			out.append(' ')
				.append(times(roundRatio(results, r, Transfers.Result::uploadMiBs)))
				.append(" / ")
				.append(times(roundRatio(results, r, Transfers.Result::downloadMiBs)))
				.append(" |\n");
		}
		out.append("| median |");
		for (String name : names) {
			List<Transfers.Result> list = results.get(name);
			out.append(' ')
				.append(fmt(median(list.stream().map(Transfers.Result::uploadMiBs).toList())))
				.append(" / ")
				.append(fmt(median(list.stream().map(Transfers.Result::downloadMiBs).toList())))
				.append(" |");
		}
		out.append(" **")
			.append(times(transferRatio(results, Transfers.Result::uploadMiBs)))
			.append(" / ")
			.append(times(transferRatio(results, Transfers.Result::downloadMiBs)))
			.append("** |\n");
		out.append("\nPeak RSS during the transfers, MiB:");
		for (String name : names) {
			out.append(' ')
				.append(name)
				.append(' ')
				.append(fmt(median(results.get(name).stream().map(Transfers.Result::peakRssMiB).toList())));
		}
		out.append(" (median of the rounds).\n");
		return out.toString();
	}

	private static double roundRatio(Map<String, List<Transfers.Result>> results, int round,
			ToDoubleFunction<Transfers.Result> figure) {
		List<Transfers.Result> service = results.get(SERVICE);
		List<Transfers.Result> nginx = results.get(NGINX);
		if (service == null || nginx == null || round >= service.size() || round >= nginx.size()) {
			return Double.NaN;
		}
		return figure.applyAsDouble(service.get(round)) / figure.applyAsDouble(nginx.get(round));
	}

	private static String transferCell(Transfers.Result t) {
		return fmt(t.uploadMiBs()) + " / " + fmt(t.downloadMiBs()) + (t.verified() ? "" : " ✗ " + t.problem());
	}

	/**
	 * The disk's own figures beside the servers': nginx answers before its writes reach
	 * the disk, the service only after, so a durable upload cannot beat the disk's
	 * reference.
	 */
	private String disk() {
		StringBuilder out = new StringBuilder(
				"**The disk alone** (the benchmark's JVM, in the servers' directory)\n\n");
		if (!this.durableUploads.isEmpty()) {
			double disk = median(this.durableUploads);
			double nginxUp = median(
					this.big.getOrDefault(NGINX, List.of()).stream().map(Transfers.Result::uploadMiBs).toList());
			out.append("- ")
				.append(this.settings.bigMiB())
				.append(" MiB written to a new file and synced: ")
				.append(fmt(disk))
				.append(" MiB/s (median; nginx uploaded ")
				.append(times(nginxUp / disk))
				.append(" of that). nginx answers a PUT once its bytes are in the page cache, the service only ")
				.append("once they are synced: an upload target above disk ÷ nginx = ")
				.append(times(disk / nginxUp))
				.append(" is out of reach of any durable server in this run.\n");
		}
		if (!Double.isNaN(this.syncMillis)) {
			out.append("- 4 KiB written to a new file and synced: ")
				.append(fmt(this.syncMillis))
				.append(" ms (median of 200): what one durable commit waits for at least.\n");
		}
		return out.toString();
	}

	private String memory() {
		StringBuilder out = new StringBuilder("**Service memory** (`-Xmx256m`)\n\n");
		out.append("| | 1 KiB loads | ").append(this.settings.bigMiB()).append(" MiB transfer (first round) |\n");
		out.append("|---|---|---|\n");
		out.append("| peak heap used before a GC (GC log), MiB | ")
			.append(gcBefore(this.smallGc))
			.append(" | ")
			.append(gcBefore(this.bigGc))
			.append(" |\n");
		out.append("| largest heap left after a GC (GC log), MiB | ")
			.append(gcAfter(this.smallGc))
			.append(" | ")
			.append(gcAfter(this.bigGc))
			.append(" |\n");
		List<Transfers.Result> big = this.big.get(SERVICE);
		out.append("| peak heap used, sampled every 250 ms (actuator), MiB | — | ")
			.append(big == null ? "—" : fmt(big.get(0).sampledHeapMiB()))
			.append(" |\n");
		Double smallRss = this.smallRss.get(SERVICE);
		out.append("| peak RSS (VmHWM), MiB | ")
			.append(smallRss == null ? "—" : fmt(smallRss))
			.append(" | ")
			.append(big == null ? "—"
					: fmt(big.get(0).peakRssMiB()) + " (" + fmt(big.get(0).rssBeforeMiB()) + " before)")
			.append(" |\n");
		return out.toString();
	}

	private static String gcBefore(Probe.GcWindow w) {
		return w == null ? "—"
				: w.collections() == 0 ? "no GC" : fmt(w.peakBeforeMiB()) + " (" + w.collections() + " GCs)";
	}

	private static String gcAfter(Probe.GcWindow w) {
		return w == null || w.collections() <= 0 ? "—" : fmt(w.peakAfterMiB());
	}

	/** The median of the figures that are numbers (the lower middle of an even count). */
	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values.stream().filter(v -> !Double.isNaN(v)).toList());
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		sorted.sort(Double::compare);
		return sorted.get((sorted.size() - 1) / 2);
	}

	static String times(double ratio) {
		return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "—" : fmt(ratio) + "×";
	}

	static String percent(double share) {
		return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.0f %%", share * 100);
	}

	static String fmt(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "—";
		}
		double abs = Math.abs(value);
		String pattern = abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f";
		return String.format(Locale.ROOT, pattern, value);
	}

}
