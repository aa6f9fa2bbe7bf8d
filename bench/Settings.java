import java.util.Set;

/**
 * The benchmark's knobs, from the command line. Every loop is bounded by them: by a duration, a
 * count, or both.
 * @param phases which of get, put, runs, big, scale to run
 */
record Settings(String engine, int concurrency, double warmup, double duration, int keys, int bigMiB, int scale,
		int runObjects, Set<String> phases) {

	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

}
