package dev.gofer.objectstore.protocol.gofer;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.support.EngineCombinations.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ObjectsIntegrationTests} on the PostgreSQL catalog with the database engine. */
@OnPostgres
class ObjectsPostgresIntegrationTests extends ObjectsIntegrationTests {

	@Autowired
	ObjectStore store;

	@Autowired
	HikariDataSource dataSource;

	@Test
	void runsOnTheCombinationItNames() {
		assertThat(this.store.engine()).isEqualTo(Engine.DATABASE);
		assertThat(this.dataSource.getJdbcUrl()).startsWith("jdbc:postgresql:");
	}

}
