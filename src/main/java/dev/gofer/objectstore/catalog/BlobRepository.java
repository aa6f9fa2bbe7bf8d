package dev.gofer.objectstore.catalog;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.gofer.objectstore.catalog.sqlite.WriteGate;

/** The {@code blobs} table: the life of every blob id handed to the engine. */
@Repository
class BlobRepository {

	private final JdbcClient jdbc;

	private final WriteGate gate;

	BlobRepository(JdbcClient jdbc, WriteGate gate) {
		this.jdbc = jdbc;
		this.gate = gate;
	}

	/**
	 * Issues a blob id for an upload. Not synced: if a power cut loses the row, the
	 * orphan sweep finds the bytes written under the id.
	 */
	long createPending(String owner, long now) {
		return this.gate.call(() -> this.jdbc
			.sql("INSERT INTO blobs (state, owner, since) VALUES ('PENDING', :owner, :now) RETURNING id")
			.param("owner", owner)
			.param("now", now)
			.query(Long.class)
			.single());
	}

	/**
	 * Makes a pending blob live; false if it is no longer pending (a sweep took it as
	 * abandoned).
	 */
	boolean markLive(long id, long now) {
		return this.jdbc
			.sql("UPDATE blobs SET state = 'LIVE', owner = NULL, since = :now WHERE id = :id AND state = 'PENDING'")
			.param("id", id)
			.param("now", now)
			.update() == 1;
	}

	void markGarbage(Collection<Long> ids, long now) {
		if (!ids.isEmpty()) {
			this.gate.call(() -> this.jdbc
				.sql("UPDATE blobs SET state = 'GARBAGE', owner = NULL, since = :now WHERE id IN (:ids)")
				.param("ids", ids)
				.param("now", now)
				.update());
		}
	}

	/**
	 * Turns a pending blob into garbage; false if it is not pending (its upload was
	 * committed).
	 */
	boolean discardPending(long id, long now) {
		return this.gate.call(() -> this.jdbc
			.sql("UPDATE blobs SET state = 'GARBAGE', owner = NULL, since = :now WHERE id = :id AND state = 'PENDING'")
			.param("id", id)
			.param("now", now)
			.update()) == 1;
	}

	/** Garbage blobs that became garbage at or before {@code cutoff}, oldest first. */
	List<Long> garbage(long cutoff, int limit) {
		return this.jdbc
			.sql("SELECT id FROM blobs WHERE state = 'GARBAGE' AND since <= :cutoff ORDER BY since, id LIMIT :limit")
			.param("cutoff", cutoff)
			.param("limit", limit)
			.query((row, n) -> row.getLong(1))
			.list();
	}

	/**
	 * Forgets a garbage blob whose bytes are gone; false if another job did so already.
	 */
	boolean deleteGarbage(long id) {
		return this.gate.call(() -> this.jdbc.sql("DELETE FROM blobs WHERE id = :id AND state = 'GARBAGE'")
			.param("id", id)
			.update()) == 1;
	}

	/**
	 * Turns into garbage the pending blobs whose owner has no heartbeat newer than
	 * {@code staleBefore}: their uploads died with their instance.
	 */
	int abandonPending(long staleBefore) {
		// since = 0: nobody reads a pending blob, so its bytes need not wait for readers.
		return this.jdbc.sql("""
				UPDATE blobs SET state = 'GARBAGE', owner = NULL, since = 0
				WHERE state = 'PENDING' AND since < :staleBefore
				  AND NOT EXISTS (SELECT 1 FROM instances i
				                  WHERE i.id = blobs.owner AND i.heartbeat >= :staleBefore)""")
			.param("staleBefore", staleBefore)
			.update();
	}

	/** Which of these ids the catalog knows, in any state. */
	Set<Long> known(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("SELECT id FROM blobs WHERE id IN (:ids)").param("ids", ids).query(Long.class).list());
	}

}
