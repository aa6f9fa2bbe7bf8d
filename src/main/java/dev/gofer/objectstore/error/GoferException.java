package dev.gofer.objectstore.error;

import org.jspecify.annotations.Nullable;

/**
 * A failure that a client can be told about. The set is closed so that the one place that
 * turns failures into HTTP responses must give each of them a status.
 * <p>
 * Messages are shown to clients as the problem {@code detail}: they name what was wrong
 * in the client's terms, never a file path, SQL or an exception from below.
 */
public abstract sealed class GoferException extends RuntimeException permits InvalidInputException, NotFoundException,
		AlreadyExistsException, PreconditionFailedException, RunExpiredException, TooLargeException,
		RangeNotSatisfiableException, UnavailableException, UnauthenticatedException, ForbiddenException {

	private final String detail;

	protected GoferException(String message) {
		this(message, null);
	}

	protected GoferException(String message, @Nullable Throwable cause) {
		super(message, cause);
		this.detail = message;
	}

	/** What a client is told: the message, which is never null. */
	public String detail() {
		return this.detail;
	}

}
