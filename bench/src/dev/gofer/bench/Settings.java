package dev.gofer.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's knobs, from the command line. Every load is bounded by them: by a
 * duration, a count, or both.
 *
 * @param threads wrk's threads
 * @param connections the connection counts of the 1 KiB loads, each a load of its own
 * @param warmup the unmeasured seconds of every server's first run of each 1 KiB load (a
 * JVM compiles its hot paths over its first half-minute or so of load)
 * @param duration the measured seconds of each run
 * @param rounds how many times every 1 KiB load and transfer runs on each server, the
 * servers taking turns, so that a slow spell of the shared machine does not land on one
 * server only
 * @param keys the keys of the GET load
 * @param bigMiB the size of the big transfer
 * @param parallel how many transfers run at once in the parallel transfer phase
 * @param parallelMiB the size of each of them
 * @param phases which of client, get, put, big, parallel to run
 * @param smoke a run of a few seconds that only shows the harness works
 */
record Settings(String engine, int threads, List<Integer> connections, double warmup, double duration, int rounds,
		int keys, int bigMiB, int parallel, int parallelMiB, Set<String> phases, boolean smoke) {

	static final String PHASES = "client,get,put,big,parallel";

	static Settings of(Map<String, String> options) {
		boolean smoke = options.containsKey("smoke");
		return new Settings(options.getOrDefault("engine", "?"), Integer.parseInt(options.getOrDefault("threads", "2")),
				Arrays.stream(options.getOrDefault("connections", smoke ? "8" : "32,128").split(","))
					.map(String::trim)
					.map(Integer::valueOf)
					.toList(),
				Double.parseDouble(options.getOrDefault("warmup", smoke ? "1" : "20")),
				Double.parseDouble(options.getOrDefault("duration", smoke ? "1" : "10")),
				Integer.parseInt(options.getOrDefault("rounds", smoke ? "1" : "3")),
				Integer.parseInt(options.getOrDefault("keys", smoke ? "50" : "1000")),
				Integer.parseInt(options.getOrDefault("big-mib", smoke ? "8" : "1024")),
				Integer.parseInt(options.getOrDefault("parallel", smoke ? "4" : "16")),
				Integer.parseInt(options.getOrDefault("parallel-mib", smoke ? "2" : "64")),
				Set.of(options.getOrDefault("phases", PHASES).split(",")), smoke);
	}

	boolean runs(String phase) {
		return this.phases.contains(phase);
	}

}
