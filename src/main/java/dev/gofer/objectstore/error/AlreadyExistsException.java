package dev.gofer.objectstore.error;

/** The key exists and the write asked not to overwrite it. */
public final class AlreadyExistsException extends GoferException {

	public AlreadyExistsException(String message) {
		super(message);
	}

}
