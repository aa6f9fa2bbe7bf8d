package dev.gofer.objectstore.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.error.RangeNotSatisfiableException;

/**
 * A single byte range of an object, from a {@code Range} header.
 *
 * @param start the first byte
 * @param length how many bytes from it
 */
public record ByteRange(long start, long length) {

	private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

	public long end() {
		return this.start + this.length - 1;
	}

	/**
	 * Resolves a Range header against an object's size.
	 * @return null to send the whole object: no header, or one that is not a single byte
	 * range, which RFC 9110 lets a server ignore
	 * @throws RangeNotSatisfiableException when the range lies wholly past the end
	 */
	public static @Nullable ByteRange parse(@Nullable String header, long size) {
		if (header == null) {
			return null;
		}
		Matcher matcher = SINGLE.matcher(header.trim());
		if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
			return null;
		}
		try {
			if (matcher.group(1).isEmpty()) {
				long suffix = Long.parseLong(matcher.group(2));
				if (suffix == 0 || size == 0) {
					throw unsatisfiable(header, size);
				}
				long length = Math.min(suffix, size);
				return new ByteRange(size - length, length);
			}
			long start = Long.parseLong(matcher.group(1));
			long end = matcher.group(2).isEmpty() ? Long.MAX_VALUE : saturated(matcher.group(2));
			if (end < start) {
				return null;
			}
			if (start >= size) {
				throw unsatisfiable(header, size);
			}
			return new ByteRange(start, Math.min(end, size - 1) - start + 1);
		}
		catch (NumberFormatException ex) {
			// A start or suffix beyond a long: no object is that large.
			throw unsatisfiable(header, size);
		}
	}

	/** An end past any possible object means the end of the object. */
	private static long saturated(String digits) {
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static RangeNotSatisfiableException unsatisfiable(String header, long size) {
		String shown = header.length() > 100 ? header.substring(0, 100) + "…" : header;
		return new RangeNotSatisfiableException(
				"Range '" + shown + "' is not satisfiable: the object is " + size + " bytes", size);
	}

}
