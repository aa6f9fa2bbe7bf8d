package dev.gofer.objectstore.catalog;

import java.util.function.Supplier;

/**
 * How a write transaction of the catalog is run: on SQLite, which has one writer,
 * together with the other writes waiting at the time; elsewhere on the caller's thread.
 */
public interface CatalogWriter {

	/**
	 * Runs {@code transaction}, a transactional catalog write, and returns its result
	 * once it is committed and durable.
	 * @throws RuntimeException what {@code transaction} threw (its changes are undone),
	 * or {@link dev.gofer.objectstore.error.UnavailableException} when it could not be
	 * committed or made durable
	 */
	<T> T call(Supplier<T> transaction);

}
