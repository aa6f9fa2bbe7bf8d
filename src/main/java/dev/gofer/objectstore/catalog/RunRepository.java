package dev.gofer.objectstore.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code runs} table: which runs a pipeline has registered, and when. */
@Repository
class RunRepository {

	private final JdbcClient jdbc;

	RunRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** When the run was registered, empty if it never was. */
	Optional<Long> started(long pipelineRef, long runId) {
		return this.jdbc.sql("SELECT started FROM runs WHERE pipeline_ref = :p AND run_id = :run")
			.param("p", pipelineRef)
			.param("run", runId)
			.query(Long.class)
			.optional();
	}

	void insert(long pipelineRef, long runId, long started) {
		this.jdbc.sql("INSERT INTO runs (pipeline_ref, run_id, started) VALUES (:p, :run, :started)")
			.param("p", pipelineRef)
			.param("run", runId)
			.param("started", started)
			.update();
	}

	/** Runs newest first, as (run id, started) pairs. */
	List<long[]> newestFirst(long pipelineRef) {
		return this.jdbc.sql("SELECT run_id, started FROM runs WHERE pipeline_ref = :p ORDER BY run_id DESC")
			.param("p", pipelineRef)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

}
