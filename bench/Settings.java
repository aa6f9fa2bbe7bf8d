import java.util.Set;

/**
 * The benchmark's knobs, from the command line. Every loop is bounded by them: by a duration, a
 * count, or both.
 * @param rounds how many times the 1 KiB loads and the big transfer run on each server, taking
 * turns, so that a slow spell of the shared machine does not land on one server only
 * @param phases which of get, put, runs, big, scale to run
 * @param prime the warm-up of each server's first round of each 1 KiB load, instead of
 * {@code warmup}: a JVM compiles its hot paths over its first half-minute or so of load
 */
record Settings(String engine, int concurrency, double warmup, double duration, int keys, int bigMiB, int scale,
		int runObjects, int rounds, Set<String> phases, double prime) {

	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

}
