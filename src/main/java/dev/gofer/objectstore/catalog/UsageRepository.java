package dev.gofer.objectstore.catalog;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How many objects and bytes the catalog holds, per kind of scope, for the usage gauges.
 */
@Repository
class UsageRepository {

	private final JdbcClient jdbc;

	UsageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One row per kind present: the first character of the scope key ('p', 'r' or 'e').
	 */
	record KindUsage(String kind, long objects, long bytes) {

	}

	List<KindUsage> byKind() {
		// A full scan, which is why UsageMetrics caches it; substr works alike on SQLite
		// and PostgreSQL.
		return this.jdbc.sql("""
				SELECT substr(scope, 1, 1), count(*), coalesce(sum(size), 0) FROM objects
				GROUP BY substr(scope, 1, 1)""")
			.query((rs, row) -> new KindUsage(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

}
