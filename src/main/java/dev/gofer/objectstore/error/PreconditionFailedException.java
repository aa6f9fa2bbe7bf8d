package dev.gofer.objectstore.error;

/** An {@code If-Match} or {@code If-None-Match} condition does not hold. */
public final class PreconditionFailedException extends GoferException {

	public PreconditionFailedException(String message) {
		super(message);
	}

}
