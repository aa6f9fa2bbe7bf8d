package dev.gofer.objectstore.store;

import java.util.function.Supplier;

/**
 * The turn to write to the catalog's own database, for an engine that keeps its bytes
 * there. On SQLite, which has one writer, the engine's writes queue with the catalog's
 * instead of competing for the database's lock; on other databases they run at once.
 */
public interface DatabaseWriteTurn {

	/** Runs one write (or a few, as one statement each) in this process's turn. */
	<T> T call(Supplier<T> write);

}
