import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop load with fixed concurrency, latency recording and percentiles. */
final class Stats {

	/** Most latencies one worker keeps; a bound on memory, far above what 20 s can produce. */
	private static final int MAX_SAMPLES = 4_000_000;

	private Stats() {
	}

	/** One request of a workload on a worker's connection; false when the answer was wrong. */
	interface Operation {

		boolean run(Http http, int worker, long sequence) throws IOException;

	}

	/** A workload's outcome in its measured window. */
	record Summary(long count, double seconds, long errors, long[] sortedNanos, String firstError) {

		double perSecond() {
			return this.count / this.seconds;
		}

		double percentileMs(double p) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.sortedNanos.length - 1, Math.ceil(p * this.sortedNanos.length) - 1);
			return this.sortedNanos[Math.max(0, index)] / 1e6;
		}

		double meanMs() {
			return Arrays.stream(this.sortedNanos).average().orElse(Double.NaN) / 1e6;
		}

	}

	/** Latencies of one worker. */
	static final class Recorder {

		private long[] nanos = new long[1 << 14];

		private int size;

		long errors;

		String firstError;

		void add(long value) {
			if (this.size == this.nanos.length) {
				if (this.size >= MAX_SAMPLES) {
					return;
				}
				this.nanos = Arrays.copyOf(this.nanos, Math.min(MAX_SAMPLES, this.size * 2));
			}
			this.nanos[this.size++] = value;
		}

		void error(String what) {
			this.errors++;
			if (this.firstError == null) {
				this.firstError = what;
			}
		}

	}

	static Summary summarize(List<Recorder> recorders, double seconds) {
		int total = recorders.stream().mapToInt(r -> r.size).sum();
		long[] all = new long[total];
		int at = 0;
		long errors = 0;
		String firstError = null;
		for (Recorder recorder : recorders) {
			System.arraycopy(recorder.nanos, 0, all, at, recorder.size);
			at += recorder.size;
			errors += recorder.errors;
			if (firstError == null) {
				firstError = recorder.firstError;
			}
		}
		Arrays.sort(all);
		return new Summary(total, seconds, errors, all, firstError);
	}

	/**
	 * Runs {@code operation} on {@code concurrency} connections, each starting its next request
	 * when its last one is answered, for {@code warmupSeconds} unmeasured and then
	 * {@code measureSeconds} measured. Requests that end in the measured window count.
	 */
	static Summary closedLoop(Target target, int concurrency, double warmupSeconds, double measureSeconds,
			Operation operation) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + (long) (warmupSeconds * 1e9);
		long end = measureFrom + (long) (measureSeconds * 1e9);
		List<Recorder> recorders = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			Recorder recorder = new Recorder();
			recorders.add(recorder);
			int worker = w;
			threads.add(Thread.ofPlatform().name("load-" + w).start(() -> {
				try (Http http = target.connect()) {
					long sequence = 0;
					while (System.nanoTime() < end && recorder.errors < 1_000) {
						long t0 = System.nanoTime();
						boolean ok;
						String failure = null;
						try {
							ok = operation.run(http, worker, sequence++);
						}
						catch (IOException | RuntimeException ex) {
							ok = false;
							failure = ex.toString();
							http.disconnect();
						}
						long t1 = System.nanoTime();
						if (t1 >= measureFrom && t1 <= end) {
							if (ok) {
								recorder.add(t1 - t0);
							}
							else {
								recorder.error(failure != null ? failure : "unexpected answer");
							}
						}
					}
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return summarize(recorders, measureSeconds);
	}

	/** A task for index {@code i} of a bounded parallel loop. */
	interface Indexed {

		void run(Http http, int i) throws IOException;

	}

	/** Runs {@code task} for 0 ≤ i < count on {@code threads} connections; fails on the first error. */
	static void parallel(Target target, int count, int threads, Indexed task) throws InterruptedException {
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Exception> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < threads; w++) {
			workers.add(Thread.ofPlatform().start(() -> {
				try (Http http = target.connect()) {
					int i;
					while (failure.get() == null && (i = next.getAndIncrement()) < count) {
						task.run(http, i);
					}
				}
				catch (IOException | RuntimeException ex) {
					failure.compareAndSet(null, ex);
				}
			}));
		}
		for (Thread worker : workers) {
			worker.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("Filling " + target.name() + " failed: " + failure.get(), failure.get());
		}
	}

}
