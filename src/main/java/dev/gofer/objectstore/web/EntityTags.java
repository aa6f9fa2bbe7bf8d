package dev.gofer.objectstore.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.catalog.EntityTagCondition;
import dev.gofer.objectstore.error.InvalidInputException;

/** Parses {@code If-Match} and {@code If-None-Match} headers. */
public final class EntityTags {

	private EntityTags() {
	}

	/**
	 * @return null when the header is absent
	 * @throws InvalidInputException when it is neither {@code *} nor a list of quoted
	 * tags
	 */
	public static @Nullable EntityTagCondition parse(String header, @Nullable String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.equals("*")) {
			return EntityTagCondition.ANY;
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String part : trimmed.split(",")) {
			String tag = part.trim();
			// Weak tags compare like strong ones: a SHA-256 is the same either way.
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
				throw new InvalidInputException(
						header + " must be * or a list of quoted entity tags, such as \"<sha256>\"");
			}
			tags.add(tag.substring(1, tag.length() - 1));
		}
		return new EntityTagCondition(false, Set.copyOf(tags));
	}

}
