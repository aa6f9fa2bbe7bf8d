package dev.gofer.objectstore.catalog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gofer.objectstore.error.InvalidInputException;
import dev.gofer.objectstore.error.NotFoundException;

/** Pipeline summaries and per-pipeline limits. */
@Service
public class PipelineCatalog {

	private static final Pattern ID_CHARACTERS = Pattern.compile("[A-Za-z0-9_-]*");

	private final PipelineRepository pipelines;

	private final RetentionRules retention;

	private final Limits limits;

	private final Clock clock;

	PipelineCatalog(PipelineRepository pipelines, RetentionRules retention, Limits limits, Clock clock) {
		this.pipelines = pipelines;
		this.retention = retention;
		this.limits = limits;
		this.clock = clock;
	}

	public PipelineSummary get(PipelineName name) {
		return this.pipelines.find(name)
			.map(this::summary)
			.orElseThrow(() -> new NotFoundException("Pipeline " + name + " has never been written"));
	}

	/**
	 * The namespaces that hold a pipeline the caller sees, by id, with the counts of the
	 * pipelines it sees. When it sees whole namespaces the database counts; otherwise
	 * every pipeline is looked at, which a catalog of ten thousand pipelines does in
	 * milliseconds.
	 */
	public List<NamespaceUsage> namespaces(Visibility visibility) {
		if (visibility.wholeNamespaces()) {
			return this.pipelines.namespaceTotals()
				.stream()
				.filter(namespace -> visibility.namespace(namespace.namespaceId()))
				.toList();
		}
		return this.pipelines.readUsage(rows -> {
			List<NamespaceUsage> namespaces = new ArrayList<>();
			rows.filter(row -> visibility.pipeline(row.name())).forEach(row -> {
				int last = namespaces.size() - 1;
				if (last < 0 || !namespaces.get(last).namespaceId().equals(row.name().namespaceId())) {
					namespaces.add(new NamespaceUsage(row.name().namespaceId(), 0, 0, 0));
					last++;
				}
				namespaces.set(last, namespaces.get(last).plus(row.objectCount(), row.bytes()));
			});
			return namespaces;
		});
	}

	/**
	 * The pipelines of a namespace that the caller sees, as summaries.
	 * @param prefix only pipeline ids that start with this; null for all
	 * @param limit at most this many; null for all
	 */
	public List<PipelineSummary> list(String namespaceId, @Nullable String prefix, PipelineOrder order,
			@Nullable Integer limit, Visibility visibility) {
		if (!visibility.namespace(namespaceId) || (prefix != null && !ID_CHARACTERS.matcher(prefix).matches())) {
			// No pipeline id can start with a character outside the identifier alphabet.
			return List.of();
		}
		String range = prefix == null || prefix.isEmpty() ? null : prefix;
		boolean whole = visibility.wholeNamespaces();
		// A scoped token's pipelines are picked out as the rows stream by, so the limit
		// is applied after that filter; the database stops reading once it is reached.
		return this.pipelines.readNamespace(namespaceId, range, order, whole ? limit : null,
				rows -> rows.filter(row -> whole || visibility.pipeline(row.name()))
					.limit(limit == null ? Long.MAX_VALUE : limit)
					.map(this::summary)
					.toList());
	}

	/**
	 * Changes a pipeline's limits and eviction order, creating it if needed (as a
	 * pipeline of Gofer's API), and applies them at once: a lowered limit evicts or
	 * expires before this returns.
	 */
	@Transactional
	public PipelineSummary update(PipelineName name, LimitPatch patch) {
		requirePositive("object_limit", patch.objectLimit().value());
		requirePositive("byte_limit", patch.byteLimit().value());
		requirePositive("run_object_expiry", patch.runObjectExpiry().value());
		PipelineRow row = this.pipelines.lockOrCreate(name, PipelineOrigin.API);
		row = row.withLimits(patch.objectLimit().applyTo(row.objectLimit()), patch.byteLimit().applyTo(row.byteLimit()),
				patch.runObjectExpiry().applyTo(row.runObjectExpiry()), patch.eviction().applyTo(row.eviction()));
		row = enforce(row);
		return summary(row);
	}

	/**
	 * Re-applies limits and expiry to an existing pipeline, for when defaults changed in
	 * the configuration. Returns how many objects it removed.
	 */
	@Transactional
	public int enforce(long pipelineRowId) {
		return this.pipelines.lock(pipelineRowId).map(row -> {
			long before = row.objectCount();
			PipelineRow after = enforce(row);
			return (int) (before - after.objectCount());
		}).orElse(0);
	}

	private PipelineRow enforce(PipelineRow row) {
		long now = this.clock.millis();
		PipelineRow expired = this.retention.expireRuns(row, now);
		PipelineRow evicted = this.retention.evict(expired, 0, now).row();
		this.pipelines.save(evicted);
		return evicted;
	}

	/**
	 * Pipeline row ids after {@code afterId}, in order, for jobs that visit every
	 * pipeline.
	 */
	public List<Long> pipelineIdsAfter(long afterId, int limit) {
		return this.pipelines.idsAfter(afterId, limit);
	}

	PipelineSummary summary(PipelineRow row) {
		return new PipelineSummary(row.name(), this.limits.objectLimit(row), this.limits.byteLimit(row),
				this.limits.runObjectExpiry(row), row.objectCount(), row.bytes(), row.latestRunId(),
				this.limits.eviction(row));
	}

	private static void requirePositive(String field, @Nullable Number value) {
		if (value != null && value.longValue() < 1) {
			throw new InvalidInputException(field + " must be at least 1, or null for the default; got " + value);
		}
	}

}
