package dev.gofer.objectstore.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LruEvictionIntegrationTests} on the PostgreSQL catalog, where write transactions
 * are counted by transaction ids: only a transaction that writes is given one.
 */
@OnPostgres
class LruEvictionPostgresIntegrationTests extends LruEvictionIntegrationTests {

	@Override
	long writeCounter(Connection connection) throws SQLException {
		// Autocommit: this call is a transaction of its own, and asking forces it an id.
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Override
	void assertOneWrite(long delta) {
		assertThat(delta).as("the flush and the second call").isEqualTo(2);
	}

	@Override
	long readsOnlyDelta() {
		// The second call's own id.
		return 1;
	}

}
