package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a pipeline's limits. For each limit: not given keeps the current setting,
 * given as null returns to the configured default, a value overrides it.
 */
public record LimitPatch(Field<Integer> objectLimit, Field<Long> byteLimit, Field<Integer> runObjectExpiry) {

	/** One limit's change. */
	public record Field<T>(boolean given, @Nullable T value) {

		public static <T> Field<T> keep() {
			return new Field<>(false, null);
		}

		public static <T> Field<T> set(@Nullable T value) {
			return new Field<>(true, value);
		}

		@Nullable T applyTo(@Nullable T current) {
			return this.given ? this.value : current;
		}

	}

}
