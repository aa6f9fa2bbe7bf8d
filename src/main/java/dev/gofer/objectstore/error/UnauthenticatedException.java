package dev.gofer.objectstore.error;

/** The request carries no valid bearer token: missing, unknown, expired or revoked. */
public final class UnauthenticatedException extends GoferException {

	public UnauthenticatedException(String message) {
		super(message);
	}

}
