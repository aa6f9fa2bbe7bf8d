package dev.gofer.objectstore.error;

/** The body exceeds the maximum object size or the pipeline's byte limit. */
public final class TooLargeException extends GoferException {

	public TooLargeException(String message) {
		super(message);
	}

}
