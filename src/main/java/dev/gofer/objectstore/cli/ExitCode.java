package dev.gofer.objectstore.cli;

/**
 * The client's exit codes: one per kind of failure a script may want to tell apart. The
 * table is part of the public interface (README, {@code --help}); never renumber a code.
 */
enum ExitCode {

	OK(0, "Success."),

	ERROR(1, "Other error, such as a local file that cannot be read."),

	USAGE(2, "Invalid command line, or input the server refused (400)."),

	NOT_FOUND(3, "Not found (404), or the run's objects expired (410)."),

	CONFLICT(4, "The key exists and no --force (409), or a precondition failed (412)."),

	AUTH(5, "Missing, invalid or insufficient token (401, 403)."),

	UNAVAILABLE(6, "Server error (5xx), or the server is unreachable or timed out."),

	TOO_LARGE(7, "Too large for the server or the pipeline (413).");

	private final int code;

	private final String description;

	ExitCode(int code, String description) {
		this.code = code;
		this.description = description;
	}

	int code() {
		return this.code;
	}

	String description() {
		return this.description;
	}

	/** The exit code for an HTTP error status. */
	static ExitCode forStatus(int status) {
		return switch (status) {
			case 400 -> USAGE;
			case 401, 403 -> AUTH;
			case 404, 410 -> NOT_FOUND;
			case 409, 412 -> CONFLICT;
			case 413 -> TOO_LARGE;
			default -> (status >= 500) ? UNAVAILABLE : ERROR;
		};
	}

}
