package dev.gofer.objectstore.cli;

/**
 * A failure to report to the user: its message is printed as one line on stderr and its
 * code becomes the exit status. No stack trace: the message must say everything the user
 * needs.
 */
final class CliException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ExitCode exitCode;

	CliException(ExitCode exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	ExitCode exitCode() {
		return this.exitCode;
	}

}
