package dev.gofer.objectstore.error;

/** The run's objects have expired, so it takes no more writes. */
public final class RunExpiredException extends GoferException {

	public RunExpiredException(String message) {
		super(message);
	}

}
