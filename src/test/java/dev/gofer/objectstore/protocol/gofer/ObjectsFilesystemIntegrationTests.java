package dev.gofer.objectstore.protocol.gofer;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.support.EngineCombinations.OnFilesystem;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ObjectsIntegrationTests} on the SQLite catalog with the filesystem engine. */
@OnFilesystem
class ObjectsFilesystemIntegrationTests extends ObjectsIntegrationTests {

	@Autowired
	ObjectStore store;

	@Autowired
	HikariDataSource dataSource;

	@Test
	void runsOnTheCombinationItNames() {
		assertThat(this.store.engine()).isEqualTo(Engine.FILESYSTEM);
		assertThat(this.dataSource.getJdbcUrl()).startsWith("jdbc:sqlite:");
	}

}
