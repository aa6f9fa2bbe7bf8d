package dev.gofer.objectstore.store.filesystem;

import java.nio.file.Path;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gofer.objectstore.store.ConditionalOnEngine;
import dev.gofer.objectstore.store.Engine;
import dev.gofer.objectstore.store.ObjectStore;
import dev.gofer.objectstore.store.ObjectStoreHealthIndicator;
import dev.gofer.objectstore.store.ObjectStoreProperties;

/**
 * The filesystem engine: bytes as files under {@code gofer.object-store.filesystem.path}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEngine(Engine.FILESYSTEM)
class FilesystemStoreConfiguration {

	@Bean
	FilesystemObjectStore filesystemObjectStore(ObjectStoreProperties properties) {
		Path path = properties.filesystem().path();
		if (path == null) {
			throw new IllegalStateException("gofer.object-store.filesystem.path must be set for the filesystem engine");
		}
		return new FilesystemObjectStore(path);
	}

	@Bean
	ObjectStoreHealthIndicator objectStoreHealthIndicator(ObjectStore store) {
		return new ObjectStoreHealthIndicator(store);
	}

}
