package dev.gofer.objectstore.error;

/** The object, run, pipeline or route does not exist. */
public final class NotFoundException extends GoferException {

	public NotFoundException(String message) {
		super(message);
	}

}
