package dev.gofer.objectstore.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code pipelines} table. */
@Repository
class PipelineRepository {

	private static final String COLUMNS = """
			id, namespace_id, pipeline_id, object_limit, byte_limit, run_object_expiry,
			latest_run_id, expired_through, object_count, bytes, eviction, origin""";

	private final JdbcClient jdbc;

	PipelineRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PipelineRow> find(PipelineName name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM pipelines WHERE namespace_id = :ns AND pipeline_id = :p")
			.param("ns", name.namespaceId())
			.param("p", name.pipelineId())
			.query(PipelineRepository::map)
			.optional();
	}

	/**
	 * Creates the pipeline if needed and returns it locked for the rest of the
	 * transaction: the no-op update takes PostgreSQL's row lock, so writers to one
	 * pipeline queue up there, on every replica; SQLite's immediate transactions already
	 * serialize all writers.
	 * @param origin recorded when this creates the pipeline; an existing one keeps its
	 * own
	 */
	PipelineRow lockOrCreate(PipelineName name, PipelineOrigin origin) {
		return this.jdbc.sql("""
				INSERT INTO pipelines (namespace_id, pipeline_id, origin) VALUES (:ns, :p, :origin)
				ON CONFLICT (namespace_id, pipeline_id) DO UPDATE SET object_count = pipelines.object_count
				RETURNING """ + " " + COLUMNS)
			.param("ns", name.namespaceId())
			.param("p", name.pipelineId())
			.param("origin", origin.value())
			.query(PipelineRepository::map)
			.single();
	}

	/** Locks an existing pipeline by row id; empty if it is gone. */
	Optional<PipelineRow> lock(long id) {
		return this.jdbc.sql("UPDATE pipelines SET object_count = object_count WHERE id = :id RETURNING " + COLUMNS)
			.param("id", id)
			.query(PipelineRepository::map)
			.optional();
	}

	/** Writes the fields that writes change: counters, runs, limits and eviction. */
	void save(PipelineRow row) {
		Eviction eviction = row.eviction();
		this.jdbc.sql("""
				UPDATE pipelines SET object_limit = :objectLimit, byte_limit = :byteLimit,
				    run_object_expiry = :runObjectExpiry, latest_run_id = :latestRunId,
				    expired_through = :expiredThrough, object_count = :objectCount, bytes = :bytes,
				    eviction = :eviction
				WHERE id = :id""")
			.param("objectLimit", row.objectLimit())
			.param("byteLimit", row.byteLimit())
			.param("runObjectExpiry", row.runObjectExpiry())
			.param("latestRunId", row.latestRunId())
			.param("expiredThrough", row.expiredThrough())
			.param("objectCount", row.objectCount())
			.param("bytes", row.bytes())
			.param("eviction", eviction == null ? null : eviction.value(), Types.VARCHAR)
			.param("id", row.id())
			.update();
	}

	/**
	 * Row ids after {@code afterId}, in order, for jobs that visit every pipeline in
	 * batches.
	 */
	List<Long> idsAfter(long afterId, int limit) {
		return this.jdbc.sql("SELECT id FROM pipelines WHERE id > :after ORDER BY id LIMIT :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query((row, n) -> row.getLong(1))
			.list();
	}

	/**
	 * Every namespace that has a pipeline, by id, with its pipelines' counts. A scan of
	 * the table, which stays small: one row per pipeline, however many objects.
	 */
	List<NamespaceUsage> namespaceTotals() {
		return this.jdbc.sql("""
				SELECT namespace_id, count(*), coalesce(sum(object_count), 0), coalesce(sum(bytes), 0)
				FROM pipelines GROUP BY namespace_id ORDER BY namespace_id""")
			.query((rs, n) -> new NamespaceUsage(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.list();
	}

	/** What a pipeline holds, for the namespace totals. */
	record PipelineUsage(PipelineName name, long objectCount, long bytes) {

	}

	/**
	 * Reads every pipeline's usage, by namespace, as a stream that {@code reader} may
	 * stop early. Only columns of the {@code pipelines_by_bytes} index: it is read
	 * without the table.
	 */
	<T> T readUsage(Function<Stream<PipelineUsage>, T> reader) {
		try (Stream<PipelineUsage> rows = this.jdbc
			.sql("SELECT namespace_id, pipeline_id, object_count, bytes FROM pipelines ORDER BY namespace_id")
			.query((rs, n) -> new PipelineUsage(new PipelineName(rs.getString(1), rs.getString(2)), rs.getLong(3),
					rs.getLong(4)))
			.stream()) {
			return reader.apply(rows);
		}
	}

	/**
	 * Reads the pipelines of a namespace in the given order, as a stream that
	 * {@code reader} may stop early. The prefix is a range of the
	 * {@code (namespace_id, pipeline_id)} index: identifiers are ASCII below {@code '~'},
	 * and both databases compare them byte by byte (PostgreSQL with the C collation that
	 * V9 gives the columns), so every id that starts with the prefix lies in
	 * {@code [prefix, prefix + "~")} and nothing else does.
	 * @param limit at most this many rows, or null for all
	 */
	<T> T readNamespace(String namespaceId, @Nullable String prefix, PipelineOrder order, @Nullable Integer limit,
			Function<Stream<PipelineRow>, T> reader) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM pipelines WHERE namespace_id = :ns");
		if (prefix != null) {
			sql.append(" AND pipeline_id >= :prefix AND pipeline_id < :prefixEnd");
		}
		sql.append(switch (order) {
			case ID -> " ORDER BY pipeline_id";
			case BYTES -> " ORDER BY bytes DESC, pipeline_id";
		});
		if (limit != null) {
			sql.append(" LIMIT :limit");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("ns", namespaceId);
		if (prefix != null) {
			statement = statement.param("prefix", prefix).param("prefixEnd", prefix + "~");
		}
		if (limit != null) {
			statement = statement.param("limit", limit);
		}
		try (Stream<PipelineRow> rows = statement.query(PipelineRepository::map).stream()) {
			return reader.apply(rows);
		}
	}

	private static PipelineRow map(ResultSet rs, int row) throws SQLException {
		return new PipelineRow(rs.getLong("id"),
				new PipelineName(rs.getString("namespace_id"), rs.getString("pipeline_id")),
				nullableInt(rs, "object_limit"), nullableLong(rs, "byte_limit"), nullableInt(rs, "run_object_expiry"),
				nullableLong(rs, "latest_run_id"), rs.getLong("expired_through"), rs.getLong("object_count"),
				rs.getLong("bytes"), eviction(rs.getString("eviction")), PipelineOrigin.of(rs.getString("origin")));
	}

	private static @Nullable Eviction eviction(@Nullable String value) {
		return value == null ? null : Eviction.parse(value);
	}

	private static @Nullable Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
