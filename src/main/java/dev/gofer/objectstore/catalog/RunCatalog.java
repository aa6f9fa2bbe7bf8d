package dev.gofer.objectstore.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gofer.objectstore.error.InvalidInputException;
import dev.gofer.objectstore.error.NotFoundException;
import dev.gofer.objectstore.error.RunExpiredException;

/** Registers runs and expires the objects of runs that leave a pipeline's window. */
@Service
public class RunCatalog {

	private final PipelineRepository pipelines;

	private final RunRepository runs;

	private final RetentionRules retention;

	private final Limits limits;

	private final Clock clock;

	RunCatalog(PipelineRepository pipelines, RunRepository runs, RetentionRules retention, Limits limits, Clock clock) {
		this.pipelines = pipelines;
		this.runs = runs;
		this.retention = retention;
		this.limits = limits;
		this.clock = clock;
	}

	/** A run registered by this call or before it. */
	public record Registration(RunInfo run, boolean created) {

	}

	/** Registers the run after the pipeline's highest one (the first is 1). */
	@Transactional
	public RunInfo registerNext(PipelineName name) {
		PipelineRow row = this.pipelines.lockOrCreate(name, PipelineOrigin.API);
		long latest = row.latestRunId() == null ? 0 : row.latestRunId();
		if (latest == Long.MAX_VALUE) {
			throw new InvalidInputException("Pipeline " + name + " has used every run id");
		}
		return register(row, latest + 1).run();
	}

	/** Registers a given run; registering a known run again changes nothing. */
	@Transactional
	public Registration register(PipelineName name, long runId) {
		return register(this.pipelines.lockOrCreate(name, PipelineOrigin.API), runId);
	}

	private Registration register(PipelineRow row, long runId) {
		long now = this.clock.millis();
		Optional<Long> started = this.runs.started(row.id(), runId);
		if (started.isPresent()) {
			return new Registration(info(row, runId, started.get()), false);
		}
		PipelineRow updated = registerInside(row, runId, now);
		this.pipelines.save(updated);
		return new Registration(info(updated, runId, now), true);
	}

	/**
	 * Registers a run inside the caller's transaction, which has locked the pipeline, and
	 * expires the runs that fall out of the window. Nothing is saved: the caller saves
	 * the returned row.
	 * @throws RunExpiredException if the run is already outside the window
	 */
	PipelineRow registerInside(PipelineRow row, long runId, long now) {
		if (runId <= this.limits.expiredThrough(row)) {
			throw new RunExpiredException("Run " + runId + " of pipeline " + row.name()
					+ " is outside the expiry window: its objects have expired");
		}
		this.runs.insert(row.id(), runId, now);
		long latest = row.latestRunId() == null ? runId : Math.max(row.latestRunId(), runId);
		return this.retention.expireRuns(row.withRuns(latest, row.expiredThrough()), now);
	}

	/**
	 * Makes sure a run can take objects, registering it if new, inside the caller's
	 * transaction.
	 */
	PipelineRow prepareWrite(PipelineRow row, long runId, long now) {
		if (runId <= this.limits.expiredThrough(row)) {
			throw new RunExpiredException(
					"Run " + runId + " of pipeline " + row.name() + " has expired objects: it takes no more writes");
		}
		if (this.runs.started(row.id(), runId).isPresent()) {
			return row;
		}
		return registerInside(row, runId, now);
	}

	/** Fails fast, before an upload streams, when a write to the run would be refused. */
	void checkWritable(PipelineName name, long runId) {
		this.pipelines.find(name).ifPresent(row -> {
			if (runId <= this.limits.expiredThrough(row)) {
				throw new RunExpiredException(
						"Run " + runId + " of pipeline " + name + " has expired objects: it takes no more writes");
			}
		});
	}

	/** Runs newest first; empty when the pipeline has never been written. */
	public List<RunInfo> list(PipelineName name) {
		return this.pipelines.find(name)
			.map(row -> this.runs.newestFirst(row.id()).stream().map(pair -> info(row, pair[0], pair[1])).toList())
			.orElse(List.of());
	}

	public RunInfo get(PipelineName name, long runId) {
		return this.pipelines.find(name)
			.flatMap(row -> this.runs.started(row.id(), runId).map(started -> info(row, runId, started)))
			.orElseThrow(
					() -> new NotFoundException("Run " + runId + " of pipeline " + name + " was never registered"));
	}

	private RunInfo info(PipelineRow row, long runId, long started) {
		return new RunInfo(runId, started, runId <= this.limits.expiredThrough(row));
	}

}
