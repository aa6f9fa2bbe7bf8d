package dev.gofer.objectstore.protocol.gofer;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.support.EngineCombinations.OnPostgresAndS3;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ObjectsIntegrationTests} on the PostgreSQL catalog with the S3 engine. */
@OnPostgresAndS3
class ObjectsPostgresAndS3IntegrationTests extends ObjectsIntegrationTests {

	@Autowired
	ObjectStore store;

	@Autowired
	HikariDataSource dataSource;

	@Test
	void runsOnTheCombinationItNames() {
		assertThat(this.store.engine()).isEqualTo(Engine.S3);
		assertThat(this.dataSource.getJdbcUrl()).startsWith("jdbc:postgresql:");
	}

}
