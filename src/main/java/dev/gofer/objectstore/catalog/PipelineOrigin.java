package dev.gofer.objectstore.catalog;

import java.util.Locale;

/**
 * How a pipeline was first written, which decides the defaults its limits fall back to.
 * It never changes once the pipeline exists.
 */
public enum PipelineOrigin {

	/**
	 * Gofer's API (or a PATCH or a run registration): the {@code gofer.object-store.*}
	 * defaults, oldest-first eviction.
	 */
	API,

	/** A build tool's cache protocol: the {@link CacheDefaults}. */
	CACHE;

	/** The name in the catalog. */
	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static PipelineOrigin of(String value) {
		return "cache".equals(value) ? CACHE : API;
	}

}
