package dev.gofer.objectstore.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.Assert;

/** The {@code objects} table. */
@Repository
class ObjectRepository {

	/**
	 * Every column but the content of inline objects, which only a lookup of one key
	 * reads.
	 */
	private static final String COLUMNS = "id, object_key, created, size, sha256, content_type, blob_id";

	private final JdbcClient jdbc;

	ObjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The object under {@code key}, without the bytes of an inline object. */
	Optional<StoredObject> find(Scope scope, String key) {
		return find(scope, key, false);
	}

	/**
	 * The object under {@code key}, with the bytes of an inline object: all a download
	 * needs.
	 */
	Optional<ObjectEntry> findWithContent(Scope scope, String key) {
		return find(scope, key, true).map(StoredObject::entry);
	}

	private Optional<StoredObject> find(Scope scope, String key, boolean withContent) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + (withContent ? ", content" : "")
					+ " FROM objects WHERE scope = :scope AND object_key = :key")
			.param("scope", scope.catalogKey())
			.param("key", key)
			.query((rs, row) -> new StoredObject(rs.getLong("id"),
					entry(rs, withContent ? rs.getBytes("content") : null)))
			.optional();
	}

	/**
	 * Objects of a scope in order of age, oldest first unless {@code newestFirst}. The
	 * {@code objects_by_age} index serves the order, so a {@code limit} stops the scan
	 * early.
	 */
	List<ObjectEntry> list(Scope scope, @Nullable String prefix, boolean newestFirst, @Nullable Integer limit) {
		String direction = newestFirst ? "DESC" : "ASC";
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM objects WHERE scope = :scope");
		if (prefix != null && !prefix.isEmpty()) {
			// substr rather than LIKE: keys may hold '_', a LIKE wildcard.
			sql.append(" AND substr(object_key, 1, :prefixLength) = :prefix");
		}
		sql.append(" ORDER BY created ").append(direction).append(", id ").append(direction);
		if (limit != null) {
			sql.append(" LIMIT :limit");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("scope", scope.catalogKey());
		if (prefix != null && !prefix.isEmpty()) {
			statement = statement.param("prefixLength", prefix.length()).param("prefix", prefix);
		}
		if (limit != null) {
			statement = statement.param("limit", limit);
		}
		return statement.query(ObjectRepository::map).list().stream().map(StoredObject::entry).toList();
	}

	/**
	 * The objects of a scope that eviction takes first, leaving out one row (the object a
	 * write just made): the oldest by {@code created}, or the least recently used. The
	 * limit is written into the statement rather than bound: with a bound limit SQLite
	 * ran this query, which every write to a full pipeline makes, about four times slower
	 * (18 against 4 µs) with the same plan, about what compiling it afresh each time
	 * costs. In the steady state eviction asks for one object (otherwise 16, or what a
	 * lowered limit leaves over), so few distinct statements are compiled and cached.
	 */
	List<StoredObject> evictionCandidates(Scope scope, Eviction order, long exceptId, int limit) {
		Assert.isTrue(limit > 0, "limit must be positive");
		// "run_id IS NULL" lets the planner use objects_by_use, which holds pipeline
		// objects only.
		String sql = switch (order) {
			case OLDEST -> " FROM objects WHERE scope = :scope AND id <> :exceptId ORDER BY created, id LIMIT ";
			case LRU -> " FROM objects WHERE scope = :scope AND run_id IS NULL AND id <> :exceptId"
					+ " ORDER BY last_used, id LIMIT ";
		};
		return this.jdbc.sql("SELECT " + COLUMNS + sql + limit)
			.param("scope", scope.catalogKey())
			.param("exceptId", exceptId)
			.query(ObjectRepository::map)
			.list();
	}

	/**
	 * Moves the last use of objects forward to the recorded times; a later use already
	 * written (by a write, or another replica) is kept.
	 * @return how many objects changed
	 */
	int touch(List<LastUseTracker.Use> uses) {
		int changed = 0;
		for (LastUseTracker.Use use : uses) {
			changed += this.jdbc.sql("""
					UPDATE objects SET last_used = :at
					WHERE scope = :scope AND object_key = :key AND last_used < :at""")
				.param("at", use.at())
				.param("scope", use.scope())
				.param("key", use.key())
				.update();
		}
		return changed;
	}

	/**
	 * Objects of a scope whose key starts with {@code prefix}, by key, from the first
	 * after {@code after} (or from the first with the prefix when null). A range of the
	 * {@code (scope, object_key)} index: keys are ASCII below {@code '~'} and both
	 * databases compare them byte by byte (PostgreSQL with the C collation V9 gives the
	 * column), so the keys that start with the prefix are exactly those in
	 * {@code [prefix, prefix + "~")}.
	 */
	List<StoredObject> withPrefix(Scope scope, String prefix, @Nullable String after, int limit) {
		Assert.isTrue(limit > 0, "limit must be positive");
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM objects WHERE scope = :scope AND object_key "
					+ (after == null ? ">= :from" : "> :from")
					+ " AND object_key < :end ORDER BY object_key LIMIT :limit")
			.param("scope", scope.catalogKey())
			.param("from", after == null ? prefix : after)
			.param("end", prefix + "~")
			.param("limit", limit)
			.query(ObjectRepository::map)
			.list();
	}

	long insert(Scope scope, @Nullable Long pipelineRef, @Nullable Long runId, ObjectEntry entry) {
		return this.jdbc.sql("""
				INSERT INTO objects (scope, pipeline_ref, run_id, object_key, size, sha256, content_type, created,
				                     last_used, blob_id, content)
				VALUES (:scope, :pipelineRef, :runId, :key, :size, :sha256, :contentType, :created, :created, :blobId,
				        :content)
				RETURNING id""")
			.param("scope", scope.catalogKey())
			.param("pipelineRef", pipelineRef)
			.param("runId", runId)
			.param("key", entry.key())
			.param("size", entry.size())
			.param("sha256", entry.sha256())
			.param("contentType", entry.contentType())
			.param("created", entry.created())
			.param("blobId", entry.blobId(), Types.BIGINT)
			.param("content", entry.content(), Types.BINARY)
			.query(Long.class)
			.single();
	}

	void delete(List<Long> ids) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("DELETE FROM objects WHERE id IN (:ids)").param("ids", ids).update();
		}
	}

	/** Run objects of runs {@code afterRun < run_id <= throughRun}. */
	List<RunObject> runObjects(long pipelineRef, long afterRun, long throughRun, int limit) {
		return this.jdbc.sql("""
				SELECT id, blob_id, size FROM objects
				WHERE pipeline_ref = :p AND run_id > :after AND run_id <= :through
				LIMIT :limit""")
			.param("p", pipelineRef)
			.param("after", afterRun)
			.param("through", throughRun)
			.param("limit", limit)
			.query((rs, row) -> new RunObject(rs.getLong(1), nullableLong(rs, 2), rs.getLong(3)))
			.list();
	}

	/**
	 * A run object as expiry sees it: its row, its blob (null for an inline object) and
	 * its size.
	 */
	record RunObject(long rowId, @Nullable Long blobId, long size) {

	}

	private static StoredObject map(ResultSet rs, int row) throws SQLException {
		return new StoredObject(rs.getLong("id"), entry(rs, null));
	}

	private static ObjectEntry entry(ResultSet rs, byte @Nullable [] content) throws SQLException {
		return new ObjectEntry(rs.getString("object_key"), rs.getLong("created"), rs.getLong("size"),
				rs.getString("sha256"), rs.getString("content_type"), nullableLong(rs, rs.findColumn("blob_id")),
				content);
	}

	private static @Nullable Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
