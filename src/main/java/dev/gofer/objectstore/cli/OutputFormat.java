package dev.gofer.objectstore.cli;

import java.util.Locale;

/**
 * How a command prints what it got: for people, as the server's JSON, or bare values for
 * scripts.
 */
enum OutputFormat {

	TABLE, JSON, PLAIN;

	static OutputFormat parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new CliException(ExitCode.USAGE, "'" + value + "' is not an output format; use table, json or plain");
		}
	}

}
