package dev.gofer.objectstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What CONTRACT.md says one pipeline holds, kept in memory: its pipeline objects in order
 * of age, its runs and their objects, and its limits. Each method applies one request and
 * returns the outcome the service must report.
 */
final class ObjectStoreModel {

	/**
	 * {@code gofer.object-store.pipeline-object-limit} in the test context (the default).
	 */
	static final long DEFAULT_OBJECT_LIMIT = 50;

	/** {@code gofer.object-store.run-object-expiry} in the test context (the default). */
	static final long DEFAULT_RUN_OBJECT_EXPIRY = 50;

	private final SequencedMap<String, Entry> pipelineObjects = new LinkedHashMap<>();

	private final TreeMap<Long, SequencedMap<String, Entry>> runs = new TreeMap<>();

	private @Nullable Long objectLimit;

	private @Nullable Long byteLimit;

	private @Nullable Long runObjectExpiry;

	private @Nullable Long latestRunId;

	/**
	 * Runs with an id at or below this have expired objects. It never goes down: raising
	 * run_object_expiry later does not bring expired objects back, and a run never seen
	 * below it stays refused (CONTRACT.md only says what lowering does; this is the
	 * service's reading).
	 */
	private long expiredThrough;

	/**
	 * An object's content; sizes are bytes, and the content is ASCII so a byte is a char.
	 */
	record Entry(String key, String content, String sha256) {

		static Entry of(String key, String content) {
			return new Entry(key, content, ObjectStoreModel.sha256(content));
		}

		long size() {
			return this.content.length();
		}

	}

	/**
	 * What a request returns: its status and, for a successful write, the object and
	 * evictions.
	 */
	record Outcome(int status, List<String> evicted, @Nullable Entry written) {

		static Outcome of(int status) {
			return new Outcome(status, List.of(), null);
		}

	}

	/** How an upload is sent. */
	enum Verb {

		PUT, POST, POST_FORCE;

		boolean overwrites() {
			return this != POST;
		}

	}

	/**
	 * An upload's verb and preconditions.
	 *
	 * @param ifMatch the tag sent in {@code If-Match}, or null for none
	 * @param ifNoneMatchAny whether {@code If-None-Match: *} is sent
	 */
	record Write(Verb verb, @Nullable String ifMatch, boolean ifNoneMatchAny) {

		/**
		 * The status that refuses the write over the current object, or null when it goes
		 * ahead.
		 */
		@Nullable Integer refusal(@Nullable Entry current) {
			String tag = current == null ? null : current.sha256();
			if (this.ifNoneMatchAny && tag != null) {
				return 412;
			}
			if (this.ifMatch != null) {
				return this.ifMatch.equals(tag) ? null : 412;
			}
			return tag != null && !this.verb.overwrites() ? 409 : null;
		}

		int success(boolean replaced) {
			return this.verb == Verb.PUT && replaced ? 200 : 201;
		}

	}

	/** One limit in a PATCH: absent, null (back to the default) or a value. */
	record Setting(boolean given, @Nullable Long value) {

		static final Setting KEEP = new Setting(false, null);

		@Nullable Long applyTo(@Nullable Long current) {
			return this.given ? this.value : current;
		}

	}

	/** The pipeline summary's fields. */
	record Summary(long objectLimit, @Nullable Long byteLimit, long runObjectExpiry, long objectCount, long bytes,
			@Nullable Long latestRunId) {

	}

	/** A run as the runs listing shows it. */
	record RunState(long runId, boolean objectsExpired) {

	}

	Outcome writePipelineObject(String key, String content, Write write) {
		Long limit = byteLimit();
		if (limit != null && content.length() > limit) {
			return Outcome.of(413);
		}
		Entry current = this.pipelineObjects.get(key);
		Integer refusal = write.refusal(current);
		if (refusal != null) {
			return Outcome.of(refusal);
		}
		Entry entry = Entry.of(key, content);
		this.pipelineObjects.remove(key);
		this.pipelineObjects.putLast(key, entry);
		return new Outcome(write.success(current != null), evict(key), entry);
	}

	Outcome deletePipelineObject(String key) {
		return Outcome.of(this.pipelineObjects.remove(key) != null ? 204 : 404);
	}

	/** Registers the next run; returns its id. */
	long registerNextRun() {
		long runId = this.latestRunId == null ? 1 : this.latestRunId + 1;
		register(runId);
		return runId;
	}

	Outcome registerRun(long runId) {
		if (this.runs.containsKey(runId)) {
			return Outcome.of(200);
		}
		if (runId <= this.expiredThrough) {
			return Outcome.of(410);
		}
		register(runId);
		return Outcome.of(201);
	}

	Outcome writeRunObject(long runId, String key, String content, Write write) {
		if (runId <= this.expiredThrough) {
			return Outcome.of(410);
		}
		SequencedMap<String, Entry> objects = this.runs.get(runId);
		Entry current = objects == null ? null : objects.get(key);
		Integer refusal = write.refusal(current);
		if (refusal != null) {
			return Outcome.of(refusal);
		}
		if (objects == null) {
			register(runId);
			objects = this.runs.get(runId);
		}
		Entry entry = Entry.of(key, content);
		objects.remove(key);
		objects.putLast(key, entry);
		return new Outcome(write.success(current != null), List.of(), entry);
	}

	Outcome deleteRunObject(long runId, String key) {
		SequencedMap<String, Entry> objects = this.runs.get(runId);
		return Outcome.of(objects != null && objects.remove(key) != null ? 204 : 404);
	}

	/**
	 * Changes limits; a lowered one expires and evicts at once, with no object spared.
	 */
	Outcome patch(Setting objectLimit, Setting byteLimit, Setting runObjectExpiry) {
		this.objectLimit = objectLimit.applyTo(this.objectLimit);
		this.byteLimit = byteLimit.applyTo(this.byteLimit);
		this.runObjectExpiry = runObjectExpiry.applyTo(this.runObjectExpiry);
		expireRuns();
		return new Outcome(200, evict(null), null);
	}

	List<Entry> pipelineObjects() {
		return List.copyOf(this.pipelineObjects.values());
	}

	@Nullable Entry pipelineObject(String key) {
		return this.pipelineObjects.get(key);
	}

	/** A run's objects, oldest first; empty for a run that is unknown or expired. */
	List<Entry> runObjects(long runId) {
		SequencedMap<String, Entry> objects = this.runs.get(runId);
		return objects == null ? List.of() : List.copyOf(objects.values());
	}

	/** The registered runs, newest first. */
	List<RunState> runs() {
		return this.runs.descendingKeySet()
			.stream()
			.map(runId -> new RunState(runId, runId <= this.expiredThrough))
			.toList();
	}

	List<Long> runIds() {
		return List.copyOf(this.runs.keySet());
	}

	boolean isRegistered(long runId) {
		return this.runs.containsKey(runId);
	}

	long latestRunId() {
		return this.latestRunId == null ? 0 : this.latestRunId;
	}

	long expiredThrough() {
		return this.expiredThrough;
	}

	Summary summary() {
		long bytes = this.pipelineObjects.values().stream().mapToLong(Entry::size).sum();
		return new Summary(objectLimit(), byteLimit(), runObjectExpiry(), this.pipelineObjects.size(), bytes,
				this.latestRunId);
	}

	private void register(long runId) {
		this.runs.put(runId, new LinkedHashMap<>());
		this.latestRunId = this.latestRunId == null ? runId : Math.max(this.latestRunId, runId);
		expireRuns();
	}

	/**
	 * When run N is the highest, the objects of runs up to N - run_object_expiry expire.
	 */
	private void expireRuns() {
		long window = this.latestRunId == null ? 0 : this.latestRunId - runObjectExpiry();
		this.expiredThrough = Math.max(this.expiredThrough, window);
		this.runs.headMap(this.expiredThrough, true).values().forEach(Map::clear);
	}

	/**
	 * Evicts the oldest objects, never {@code keep}, until the pipeline is within its
	 * limits.
	 */
	private List<String> evict(@Nullable String keep) {
		List<String> evicted = new ArrayList<>();
		long bytes = summary().bytes();
		Iterator<Entry> oldestFirst = this.pipelineObjects.values().iterator();
		while (overLimit(this.pipelineObjects.size(), bytes) && oldestFirst.hasNext()) {
			Entry victim = oldestFirst.next();
			if (!victim.key().equals(keep)) {
				oldestFirst.remove();
				evicted.add(victim.key());
				bytes -= victim.size();
			}
		}
		return evicted;
	}

	private boolean overLimit(long count, long bytes) {
		Long limit = byteLimit();
		return count > objectLimit() || (limit != null && bytes > limit);
	}

	private long objectLimit() {
		return this.objectLimit != null ? this.objectLimit : DEFAULT_OBJECT_LIMIT;
	}

	private @Nullable Long byteLimit() {
		return this.byteLimit;
	}

	private long runObjectExpiry() {
		return this.runObjectExpiry != null ? this.runObjectExpiry : DEFAULT_RUN_OBJECT_EXPIRY;
	}

	static String sha256(String content) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
