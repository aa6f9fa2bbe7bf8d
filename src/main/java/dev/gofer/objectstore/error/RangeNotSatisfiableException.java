package dev.gofer.objectstore.error;

/** No byte of the requested range lies within the object. */
public final class RangeNotSatisfiableException extends GoferException {

	private final long size;

	public RangeNotSatisfiableException(String message, long size) {
		super(message);
		this.size = size;
	}

	/** The object's size, for the {@code Content-Range: bytes *&#47;size} header. */
	public long size() {
		return this.size;
	}

}
