package dev.gofer.objectstore.store.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.gofer.objectstore.store.ConditionalOnEngine;
import dev.gofer.objectstore.store.DatabaseWriteTurn;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreHealthIndicator;
import dev.gofer.objectstore.store.ObjectStoreProperties;

/** The default engine: bytes in the catalog database. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEngine(Engine.DATABASE)
class DatabaseStoreConfiguration {

	@Bean
	DatabaseObjectStore databaseObjectStore(JdbcClient jdbc, DatabaseWriteTurn gate, ObjectStoreProperties properties) {
		return new DatabaseObjectStore(jdbc, gate, (int) properties.database().chunkSize().toBytes());
	}

	@Bean
	ObjectStoreHealthIndicator objectStoreHealthIndicator(ObjectStore store) {
		return new ObjectStoreHealthIndicator(store);
	}

}
