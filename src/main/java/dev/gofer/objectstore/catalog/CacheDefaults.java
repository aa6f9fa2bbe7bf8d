package dev.gofer.objectstore.catalog;

import org.springframework.util.unit.DataSize;

/**
 * The defaults of pipelines first written through a cache protocol
 * ({@link PipelineOrigin#CACHE}): a cache holds many more, and larger, entries than a
 * pipeline holds values, and keeps what is used rather than what is new. The cache
 * plumbing supplies them from its configuration.
 */
public interface CacheDefaults {

	/** The default {@code object_limit}. */
	int objectLimit();

	/** The default {@code byte_limit}. */
	DataSize byteLimit();

	/** The default eviction order. */
	Eviction eviction();

}
