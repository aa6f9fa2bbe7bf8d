import java.io.IOException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Whether the cost of expiry, eviction and a limited listing grows with the work, not with what
 * the pipeline holds: the same operation timed on a small and on a large pipeline (service only;
 * nginx and s3proxy have no lifetimes).
 */
final class Scale {

	private static final Pattern ONE_EVICTED = Pattern.compile("\"evicted\":\\[\"[^\"]+\"\\]");

	private static final int SMALL = 100;

	private static final int TINY = 10;

	private static final int REPS = 31;

	private static final int EXPIRY_REPS = 5;

	/** Medians in ms of {@link #REPS} requests, except {@code expireLargeMs}, a single one. */
	record Result(int large, int small, int tiny, int reps, double listTinyMs, double listLargeMs,
			double newestTinyMs, double newestLargeMs, double evictSmallMs, double evictLargeMs,
			double expireSmallMs, double expireSmallBesideLargeMs, double expireLargeMs, double fillSeconds) {

	}

	private final Settings settings;

	private final byte[] body = new byte[1024];

	Scale(Settings settings) {
		this.settings = settings;
	}

	Result run(Target service) throws IOException, InterruptedException {
		int large = this.settings.scale();
		long fillStart = System.nanoTime();
		service.limits("scale-large", "\"object_limit\":" + large);
		fill(service, "scale-large", large);
		service.limits("scale-small", "\"object_limit\":" + SMALL);
		fill(service, "scale-small", SMALL);
		fill(service, "scale-tiny", TINY);
		double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
		double[][] lists = new double[4][REPS];
		double[][] evictions = new double[2][REPS];
		try (Http http = service.connect()) {
			for (int r = 0; r < REPS; r++) {
				lists[0][r] = timed(service, http, "GET", objects("scale-tiny") + "?limit=1");
				lists[1][r] = timed(service, http, "GET", objects("scale-large") + "?limit=1");
				lists[2][r] = timed(service, http, "GET", objects("scale-tiny") + "?order=newest&limit=1");
				lists[3][r] = timed(service, http, "GET", objects("scale-large") + "?order=newest&limit=1");
			}
			for (int r = 0; r < REPS; r++) {
				evictions[0][r] = evictingWrite(service, http, "scale-small", "new" + r);
				evictions[1][r] = evictingWrite(service, http, "scale-large", "new" + r);
			}
		}
		double[] alone = new double[EXPIRY_REPS];
		service.limits("expire-alone", "\"run_object_expiry\":1");
		for (int r = 0; r < EXPIRY_REPS; r++) {
			fillRun(service, "expire-alone", r + 1, SMALL);
			alone[r] = register(service, "expire-alone", r + 2);
		}
		service.limits("expire-beside", "\"run_object_expiry\":2");
		fillRun(service, "expire-beside", 1, SMALL);
		fillRun(service, "expire-beside", 2, large);
		double beside = register(service, "expire-beside", 3);
		double expireLarge = register(service, "expire-beside", 4);
		try (Http http = service.connect()) {
			String left = service.call(http, "GET", Target.pipelinePath("expire-beside") + "/runs/2/objects?limit=1", null)
				.text();
			if (!left.contains("\"objects\":[]")) {
				throw new IllegalStateException("Run 2 still lists objects after it expired: " + left);
			}
		}
		return new Result(large, SMALL, TINY, REPS, median(lists[0]), median(lists[1]), median(lists[2]),
				median(lists[3]), median(evictions[0]), median(evictions[1]), median(alone), beside, expireLarge,
				fillSeconds);
	}

	private void fill(Target service, String pipeline, int count) throws InterruptedException {
		Stats.parallel(service, count, this.settings.concurrency(),
				(http, i) -> service.put(http, pipeline, "f" + i, this.body));
	}

	private void fillRun(Target service, String pipeline, long run, int count) throws InterruptedException {
		String prefix = Target.pipelinePath(pipeline) + "/runs/" + run + "/objects/f";
		Stats.parallel(service, count, this.settings.concurrency(), (http, i) -> {
			if (!http.send("PUT", prefix + i, service.uploadHeaders(), this.body).ok()) {
				throw new IOException("A write to run " + run + " of " + pipeline + " failed");
			}
		});
	}

	/** Registers the next run, which must be {@code expected}, and returns how long it took in ms. */
	private double register(Target service, String pipeline, long expected) throws IOException {
		try (Http http = service.connect()) {
			// A first request opens the connection, so that only the registration is timed.
			service.call(http, "GET", Target.pipelinePath(pipeline), null);
			long t0 = System.nanoTime();
			String answer = service.call(http, "POST", Target.pipelinePath(pipeline) + "/runs", null).text();
			double ms = (System.nanoTime() - t0) / 1e6;
			if (!answer.contains("\"run_id\":" + expected + ",")) {
				throw new IllegalStateException("Expected run " + expected + " to be registered, got " + answer);
			}
			return ms;
		}
	}

	private double evictingWrite(Target service, Http http, String pipeline, String key) throws IOException {
		long t0 = System.nanoTime();
		Http.Response answer = http.send("PUT", service.objectPath(pipeline, key), service.uploadHeaders(), this.body);
		double ms = (System.nanoTime() - t0) / 1e6;
		if (!answer.ok() || !ONE_EVICTED.matcher(answer.text()).find()) {
			throw new IllegalStateException("A write to full " + pipeline + " did not evict one object: "
					+ answer.status() + " " + answer.text());
		}
		return ms;
	}

	private static double timed(Target service, Http http, String method, String path) throws IOException {
		long t0 = System.nanoTime();
		service.call(http, method, path, null);
		return (System.nanoTime() - t0) / 1e6;
	}

	private static String objects(String pipeline) {
		return Target.pipelinePath(pipeline) + "/objects";
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
