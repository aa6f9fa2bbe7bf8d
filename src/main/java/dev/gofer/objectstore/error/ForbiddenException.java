package dev.gofer.objectstore.error;

/** The token is valid but its scope does not allow the request. */
public final class ForbiddenException extends GoferException {

	public ForbiddenException(String message) {
		super(message);
	}

}
