package dev.gofer.objectstore;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.ModelOperation.DeletePipelineObject;
import dev.gofer.objectstore.ModelOperation.DeleteRunObject;
import dev.gofer.objectstore.ModelOperation.PatchLimits;
import dev.gofer.objectstore.ModelOperation.RegisterNextRun;
import dev.gofer.objectstore.ModelOperation.RegisterRun;
import dev.gofer.objectstore.ModelOperation.WritePipelineObject;
import dev.gofer.objectstore.ModelOperation.WriteRunObject;
import dev.gofer.objectstore.ObjectStoreModel.Entry;
import dev.gofer.objectstore.ObjectStoreModel.Setting;
import dev.gofer.objectstore.ObjectStoreModel.Verb;
import dev.gofer.objectstore.ObjectStoreModel.Write;

/**
 * Draws random operations, weighted towards the cases where the contract has rules: a
 * small key pool (so writes collide and the pipeline fills), small limits (so eviction
 * and expiry happen often) and run ids around the expiry window.
 */
final class ModelOperationGenerator {

	static final List<String> KEYS = List.of("alpha", "b.txt", "c-1", "d_2", "deps-x", "f.tar.gz", "g");

	private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	private final SplittableRandom random;

	private final ObjectStoreModel model;

	ModelOperationGenerator(SplittableRandom random, ObjectStoreModel model) {
		this.random = random;
		this.model = model;
	}

	/** Small limits, so that a sequence of a few dozen writes evicts and expires. */
	PatchLimits initialLimits() {
		Setting byteLimit = chance(50) ? new Setting(true, between(40, 150)) : Setting.KEEP;
		return new PatchLimits(new Setting(true, between(2, 5)), byteLimit, new Setting(true, between(1, 3)));
	}

	ModelOperation next() {
		int roll = this.random.nextInt(100);
		if (roll < 22) {
			return new WritePipelineObject(key(), content(), new Write(Verb.PUT, null, false));
		}
		if (roll < 32) {
			return new WritePipelineObject(key(), content(), new Write(Verb.POST, null, false));
		}
		if (roll < 38) {
			return new WritePipelineObject(key(), content(), new Write(Verb.POST_FORCE, null, false));
		}
		if (roll < 48) {
			String key = keyOf(this.model.pipelineObjects());
			return new WritePipelineObject(key, content(), conditional(this.model.pipelineObject(key)));
		}
		if (roll < 56) {
			return new DeletePipelineObject(key());
		}
		if (roll < 63) {
			return new RegisterNextRun();
		}
		if (roll < 70) {
			return new RegisterRun(runId());
		}
		if (roll < 88) {
			return runWrite();
		}
		if (roll < 92) {
			long runId = runId();
			return new DeleteRunObject(runId, keyOf(this.model.runObjects(runId)));
		}
		return patch();
	}

	/**
	 * A run id near the window: the latest, a known one, a new one (maybe past a gap),
	 * one never registered below the latest (a gap, often outside the window) or any old
	 * one.
	 */
	long runId() {
		long latest = this.model.latestRunId();
		List<Long> known = this.model.runIds();
		List<Long> gaps = LongStream.rangeClosed(1, latest).filter(id -> !this.model.isRegistered(id)).boxed().toList();
		int roll = this.random.nextInt(100);
		if (roll < 35 && latest > 0) {
			return latest;
		}
		if (roll < 55 && !known.isEmpty()) {
			return known.get(this.random.nextInt(known.size()));
		}
		if (roll < 72) {
			return latest + between(1, 3);
		}
		if (roll < 84 && !gaps.isEmpty()) {
			return gaps.get(this.random.nextInt(gaps.size()));
		}
		return between(1, Math.max(1, latest));
	}

	private ModelOperation runWrite() {
		long runId = runId();
		List<Entry> objects = this.model.runObjects(runId);
		String key = keyOf(objects);
		Entry current = objects.stream().filter(entry -> entry.key().equals(key)).findFirst().orElse(null);
		int roll = this.random.nextInt(100);
		Write write = (roll < 50) ? new Write(Verb.PUT, null, false) : (roll < 70) ? new Write(Verb.POST, null, false)
				: (roll < 80) ? new Write(Verb.POST_FORCE, null, false) : conditional(current);
		return new WriteRunObject(runId, key, content(), write);
	}

	/** If-None-Match: * or If-Match with the current tag, usually, or a stale one. */
	private Write conditional(@Nullable Entry current) {
		Verb verb = chance(50) ? Verb.PUT : Verb.POST;
		if (chance(40)) {
			return new Write(verb, null, true);
		}
		String tag = (current != null && chance(80)) ? current.sha256() : ObjectStoreModel.sha256(content());
		return new Write(verb, tag, false);
	}

	private PatchLimits patch() {
		Setting objectLimit = chance(50) ? new Setting(true, chance(15) ? null : between(1, 6)) : Setting.KEEP;
		Setting byteLimit = chance(35) ? new Setting(true, chance(40) ? null : between(20, 150)) : Setting.KEEP;
		Setting expiry = chance(50) ? new Setting(true, chance(15) ? null : between(1, 4)) : Setting.KEEP;
		if (!objectLimit.given() && !byteLimit.given() && !expiry.given()) {
			objectLimit = new Setting(true, between(1, 6));
		}
		return new PatchLimits(objectLimit, byteLimit, expiry);
	}

	/**
	 * Usually the key of one of these objects, so that writes and deletes hit; else any
	 * key.
	 */
	private String keyOf(List<Entry> objects) {
		return (objects.isEmpty() || chance(40)) ? key() : objects.get(this.random.nextInt(objects.size())).key();
	}

	private String key() {
		return KEYS.get(this.random.nextInt(KEYS.size()));
	}

	/** Mostly small, sometimes empty, sometimes larger than a small byte limit. */
	private String content() {
		int roll = this.random.nextInt(100);
		int length = (roll < 10) ? 0 : (roll < 90) ? (int) between(1, 24) : (int) between(25, 60);
		StringBuilder content = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			content.append(LETTERS.charAt(this.random.nextInt(LETTERS.length())));
		}
		return content.toString();
	}

	private boolean chance(int percent) {
		return this.random.nextInt(100) < percent;
	}

	private long between(long min, long max) {
		return this.random.nextLong(min, max + 1);
	}

}
