package dev.gofer.objectstore.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The engines that can hold the bytes of objects, chosen by
 * {@code gofer.object-store.engine}.
 */
public enum Engine {

	/** Bytes in chunks inside the catalog database: nothing else to run. */
	DATABASE("database", "sqlite"),

	/** Bytes as files in a directory. */
	FILESYSTEM("filesystem"),

	/** Bytes in a bucket of any S3-compatible store. */
	S3("s3");

	private final String value;

	private final String[] aliases;

	Engine(String value, String... aliases) {
		this.value = value;
		this.aliases = aliases;
	}

	/** The configuration value that selects this engine. */
	public String value() {
		return this.value;
	}

	/**
	 * Reads a configuration value, ignoring case. {@code sqlite}, Gofer's name for its
	 * only store, selects {@link #DATABASE}.
	 * @throws IllegalArgumentException naming the valid values when none matches
	 */
	public static Engine parse(String text) {
		String wanted = text.trim().toLowerCase(Locale.ROOT);
		for (Engine engine : values()) {
			if (engine.value.equals(wanted) || Arrays.asList(engine.aliases).contains(wanted)) {
				return engine;
			}
		}
		throw new IllegalArgumentException(
				"Unknown object store engine '" + text + "'; valid values are " + validValues());
	}

	static String validValues() {
		return Arrays.stream(values())
			.map(engine -> engine.value
					+ (engine.aliases.length > 0 ? " (or " + String.join(", ", engine.aliases) + ")" : ""))
			.collect(Collectors.joining(", "));
	}

}
