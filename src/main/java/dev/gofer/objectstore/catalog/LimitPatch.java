package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a pipeline's limits and eviction order. For each: not given keeps the
 * current setting, given as null returns to the default, a value overrides it.
 */
public record LimitPatch(Field<Integer> objectLimit, Field<Long> byteLimit, Field<Integer> runObjectExpiry,
		Field<Eviction> eviction) {

	/** Changes to the limits only, keeping the eviction order. */
	public LimitPatch(Field<Integer> objectLimit, Field<Long> byteLimit, Field<Integer> runObjectExpiry) {
		this(objectLimit, byteLimit, runObjectExpiry, Field.keep());
	}

	/** One setting's change. */
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
