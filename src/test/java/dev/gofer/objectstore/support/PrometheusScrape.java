package dev.gofer.objectstore.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of one scrape of {@code /actuator/prometheus}, in the Prometheus text
 * format.
 */
public final class PrometheusScrape {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final List<Sample> samples;

	private PrometheusScrape(List<Sample> samples) {
		this.samples = samples;
	}

	/** One sample line. */
	public record Sample(String name, Map<String, String> labels, double value) {

	}

	public static PrometheusScrape of(ApiClient api) {
		ApiClient.Reply reply = api.get("/actuator/prometheus");
		if (reply.status() != 200) {
			throw new IllegalStateException(reply.toString());
		}
		return parse(reply.text());
	}

	public static PrometheusScrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			Matcher matcher = SAMPLE.matcher(line);
			if (line.startsWith("#") || !matcher.find()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (matcher.group(2) != null) {
				Matcher label = LABEL.matcher(matcher.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(matcher.group(1), labels, Double.parseDouble(matcher.group(3))));
		}
		return new PrometheusScrape(samples);
	}

	/**
	 * The sum of the samples of {@code name} whose labels include {@code labels}
	 * (alternating names and values); 0 when there is none, as for a counter not yet
	 * created.
	 */
	public double value(String name, String... labels) {
		return this.samples.stream()
			.filter(sample -> sample.name().equals(name) && hasLabels(sample, labels))
			.mapToDouble(Sample::value)
			.sum();
	}

	public boolean has(String name) {
		return this.samples.stream().anyMatch(sample -> sample.name().equals(name));
	}

	private static boolean hasLabels(Sample sample, String... labels) {
		for (int i = 0; i < labels.length; i += 2) {
			if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
				return false;
			}
		}
		return true;
	}

}
