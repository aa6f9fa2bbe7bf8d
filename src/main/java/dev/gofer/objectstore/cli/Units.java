package dev.gofer.objectstore.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sizes, times and ages are written for people, and how sizes are read back. */
final class Units {

	private static final String[] SIZE_UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };

	private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Units() {
	}

	/**
	 * A byte count in binary units: {@code 0 B}, {@code 999 B}, {@code 1.5 KiB},
	 * {@code 12 MiB}.
	 */
	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		int unit = 0;
		double value = bytes;
		while (value >= 1024 && unit < SIZE_UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		String number = (value < 10) ? String.format(Locale.ROOT, "%.1f", value)
				: String.format(Locale.ROOT, "%.0f", value);
		return number + " " + SIZE_UNITS[unit];
	}

	/**
	 * Reads a size as people write it: a number of bytes, or one with {@code K},
	 * {@code M}, {@code G} or {@code T} (binary units, as the server's configuration
	 * reads them), optionally followed by {@code B} or {@code iB}: {@code 512},
	 * {@code 10MB}, {@code 1.5GiB}.
	 */
	static long parseSize(String text) {
		String value = text.trim().toUpperCase(Locale.ROOT);
		String number = value.replaceFirst("(?:[KMGT]I?)?B?$", "");
		String unit = value.substring(number.length()).replace("I", "").replace("B", "");
		int shift = switch (unit) {
			case "" -> 0;
			case "K" -> 10;
			case "M" -> 20;
			case "G" -> 30;
			default -> 40;
		};
		try {
			double bytes = Double.parseDouble(number) * (1L << shift);
			if (bytes >= 0 && bytes < Long.MAX_VALUE && !number.isBlank()) {
				return (long) bytes;
			}
		}
		catch (NumberFormatException ex) {
			// reported below with the expected format
		}
		throw new CliException(ExitCode.USAGE, "'" + text + "' is not a size; write it like 1048576, 512KB or 10MB");
	}

	/** An instant as the local date and time, to the second. */
	static String localTime(long epochMillis, ZoneId zone) {
		return LOCAL_TIME.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
	}

	/**
	 * How long before {@code now} an instant was, in its largest whole unit: {@code 42s},
	 * {@code 3d}.
	 */
	static String age(long epochMillis, Instant now) {
		long seconds = Math.max(0, Duration.between(Instant.ofEpochMilli(epochMillis), now).toSeconds());
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m";
		}
		if (seconds < 86400) {
			return (seconds / 3600) + "h";
		}
		return (seconds / 86400) + "d";
	}

	/** A duration for a progress line: {@code 7s}, {@code 3m05s}, {@code 2h10m}. */
	static String duration(long seconds) {
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
	}

}
