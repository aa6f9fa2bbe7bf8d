package dev.gofer.objectstore.catalog;

import java.util.Locale;

import dev.gofer.objectstore.error.InvalidInputException;

/** Which pipeline objects go first when a pipeline is over its limits. */
public enum Eviction {

	/** The oldest by {@code created}: Gofer's rule. */
	OLDEST,

	/**
	 * The least recently used: read or written longest ago. Reads are recorded in batches
	 * ({@link LastUseTracker}).
	 */
	LRU;

	/** The name in JSON, the catalog and the configuration. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws InvalidInputException for anything but {@code oldest} and {@code lru}
	 */
	public static Eviction parse(String value) {
		for (Eviction eviction : values()) {
			if (eviction.value().equals(value)) {
				return eviction;
			}
		}
		throw new InvalidInputException("eviction must be 'oldest' or 'lru', or null for the default");
	}

}
