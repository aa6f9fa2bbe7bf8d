package dev.gofer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the benchmark reads about the machine and the servers' memory, from /proc and
 * logs.
 */
final class Probe {

	private static final Pattern GC_LINE = Pattern
		.compile("^\\[(\\d+)ms\\] GC\\(\\d+\\) Pause .* (\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

	private Probe() {
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "?";
		}
	}

	/** The process and its descendants (nginx's workers). */
	static List<Long> processTree(long pid) {
		List<Long> pids = new ArrayList<>();
		ProcessHandle.of(pid).ifPresent(process -> {
			pids.add(pid);
			process.descendants().forEach(child -> pids.add(child.pid()));
		});
		return pids;
	}

	/**
	 * Resets the peak resident set size (VmHWM) of the process tree to its current size,
	 * so that a later {@link #peakRssMiB} covers one phase; false when the kernel refuses
	 * it.
	 */
	static boolean resetPeakRss(long pid) {
		boolean all = true;
		for (long p : processTree(pid)) {
			try {
				Files.writeString(Path.of("/proc/" + p + "/clear_refs"), "5");
			}
			catch (IOException ex) {
				all = false;
			}
		}
		return all;
	}

	/** Sum of VmHWM (peak RSS) over the process tree, in MiB. */
	static double peakRssMiB(long pid) {
		return statusKiB(pid, "VmHWM:") / 1024.0;
	}

	static double rssMiB(long pid) {
		return statusKiB(pid, "VmRSS:") / 1024.0;
	}

	private static long statusKiB(long pid, String field) {
		long total = 0;
		for (long p : processTree(pid)) {
			try (Stream<String> lines = Files.lines(Path.of("/proc/" + p + "/status"))) {
				total += lines.filter(line -> line.startsWith(field))
					.mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
					.sum();
			}
			catch (IOException ex) {
				// the process went away
			}
		}
		return total;
	}

	/** Samples the service's used heap from its Prometheus endpoint until stopped. */
	static final class HeapSampler implements AutoCloseable {

		private final AtomicLong peak = new AtomicLong();

		private final Thread thread;

		private volatile boolean running = true;

		HeapSampler(Target service, long intervalMs) {
			this.thread = Thread.ofPlatform().daemon().start(() -> {
				try (Http http = service.connect()) {
					while (this.running) {
						try {
							Http.Response response = http.send("GET", "/actuator/prometheus", List.of(),
									Target.NO_BODY);
							this.peak.accumulateAndGet(heapUsed(response.text()), Math::max);
						}
						catch (IOException ex) {
							http.disconnect();
						}
						Thread.sleep(intervalMs);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}

		double peakMiB() {
			return this.peak.get() / 1048576.0;
		}

		@Override
		public void close() {
			this.running = false;
			try {
				this.thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		private static long heapUsed(String metrics) {
			double sum = 0;
			for (String line : metrics.split("\n")) {
				if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
					sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				}
			}
			return (long) sum;
		}

	}

	/**
	 * Heap before and after the collections of a time window, from a GC log with
	 * timemillis.
	 */
	record GcWindow(int collections, double peakBeforeMiB, double peakAfterMiB) {

	}

	static GcWindow gcWindow(Path gcLog, long fromMillis, long toMillis) {
		int count = 0;
		double before = 0;
		double after = 0;
		try (Stream<String> lines = Files.lines(gcLog)) {
			for (String line : (Iterable<String>) lines::iterator) {
				Matcher m = GC_LINE.matcher(line);
				if (m.find()) {
					long at = Long.parseLong(m.group(1));
					if (at >= fromMillis && at <= toMillis) {
						count++;
						before = Math.max(before, mib(m.group(2), m.group(3)));
						after = Math.max(after, mib(m.group(4), m.group(5)));
					}
				}
			}
		}
		catch (IOException ex) {
			return new GcWindow(-1, Double.NaN, Double.NaN);
		}
		return new GcWindow(count, before, after);
	}

	private static double mib(String value, String unit) {
		double v = Double.parseDouble(value);
		return switch (unit) {
			case "K" -> v / 1024;
			case "G" -> v * 1024;
			default -> v;
		};
	}

}
