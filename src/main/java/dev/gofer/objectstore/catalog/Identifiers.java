package dev.gofer.objectstore.catalog;

import java.util.regex.Pattern;

import dev.gofer.objectstore.error.InvalidInputException;

/**
 * The contract's rules for names in paths; each violation is a 400 that says which rule.
 */
public final class Identifiers {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,254}");

	private Identifiers() {
	}

	public static String id(String kind, String value) {
		if (!ID.matcher(value).matches()) {
			throw new InvalidInputException("Invalid " + kind + " '" + printable(value)
					+ "': use 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
		}
		return value;
	}

	public static PipelineName pipeline(String namespaceId, String pipelineId) {
		return new PipelineName(id("namespace_id", namespaceId), id("pipeline_id", pipelineId));
	}

	public static String key(String value) {
		if (!KEY.matcher(value).matches()) {
			throw new InvalidInputException("Invalid key '" + printable(value)
					+ "': use 1 to 255 characters of A-Z, a-z, 0-9, '.', '_' and '-', not starting with '.'");
		}
		return value;
	}

	public static long runId(String value) {
		long runId;
		try {
			runId = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			runId = 0;
		}
		if (runId < 1 || !value.matches("[0-9]+")) {
			throw new InvalidInputException(
					"Invalid run_id '" + printable(value) + "': use a whole number from 1 to 9223372036854775807");
		}
		return runId;
	}

	/**
	 * The value as it may appear in a message: cut short, control characters replaced.
	 */
	private static String printable(String value) {
		String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
		return shown.codePoints()
			.map(c -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
