package dev.gofer.objectstore.error;

import org.jspecify.annotations.Nullable;

/** The catalog or the engine cannot be reached now; the request may succeed later. */
public final class UnavailableException extends GoferException {

	public UnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
