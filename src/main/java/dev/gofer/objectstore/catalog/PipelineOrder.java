package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.InvalidInputException;

/** How a pipeline listing is sorted. */
public enum PipelineOrder {

	/** By pipeline id, ascending (byte order: the same on SQLite and PostgreSQL). */
	ID,

	/** Largest first, by the bytes of their pipeline objects; ties by id. */
	BYTES;

	/** The {@code sort} parameter: absent means {@link #ID}. */
	public static PipelineOrder parse(@Nullable String value) {
		if (value == null) {
			return ID;
		}
		return switch (value) {
			case "id" -> ID;
			case "bytes" -> BYTES;
			default -> throw new InvalidInputException("sort must be 'id' or 'bytes'");
		};
	}

}
