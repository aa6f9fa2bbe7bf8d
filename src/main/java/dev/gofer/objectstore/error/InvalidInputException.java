package dev.gofer.objectstore.error;

/** The request names something invalid or carries malformed input. */
public final class InvalidInputException extends GoferException {

	public InvalidInputException(String message) {
		super(message);
	}

}
