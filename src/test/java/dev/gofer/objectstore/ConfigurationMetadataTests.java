package dev.gofer.objectstore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The configuration metadata that {@code spring-boot-configuration-processor} writes from
 * the {@code @ConfigurationProperties} records (what an IDE shows for {@code gofer.*}) is
 * complete, and agrees with what the contract and the README say: every property is
 * there, described by a sentence, with the default the documents name. Where a default
 * lives is checked too: in the record, and in {@code application.properties} only where a
 * record cannot hold it.
 */
class ConfigurationMetadataTests {

	private static final Path CONTRACT = Path.of("../shared/CONTRACT.md");

	private static final Path README = Path.of("README.md");

	/**
	 * Set in application.properties although its record has the same default: the
	 * catalog's URL and the filesystem engine's path there are placeholders over it, and
	 * placeholders resolve against the environment, not against a record.
	 */
	private static final Set<String> NEEDED_BY_PLACEHOLDERS = Set.of("gofer.data-dir");

	/**
	 * Described in fragments, in a package that another change owns (cache/): to be made
	 * sentences there, and then taken off this list.
	 */
	private static final Set<String> DESCRIBED_ELSEWHERE = Set.of("gofer.cache.object-limit", "gofer.cache.byte-limit",
			"gofer.cache.eviction");

	private static final Pattern NAME = Pattern.compile("`(gofer\\.[a-z0-9.{},-]+)`");

	private static final Map<String, Property> METADATA = metadata();

	private static final Properties APPLICATION = applicationProperties();

	@Test
	void everyPropertyOfTheRecordsIsInTheMetadata() {
		assertThat(METADATA.keySet()).containsExactlyInAnyOrderElementsOf(recordProperties())
			.contains("gofer.data-dir", "gofer.object-store.s3.part-size", "gofer.retention.enabled");
	}

	@Test
	void everyPropertyIsDescribedBySentences() {
		List<String> undescribed = new ArrayList<>();
		METADATA.values().forEach(property -> {
			String description = property.description();
			if (DESCRIBED_ELSEWHERE.contains(property.name())) {
				return;
			}
			if (description == null || !Character.isUpperCase(description.charAt(0)) || !description.endsWith(".")
					|| description.contains("{@")) {
				undescribed.add(property.name() + ": " + description);
			}
		});
		assertThat(undescribed).as("properties without a description of whole sentences, free of Javadoc tags")
			.isEmpty();
	}

	@Test
	void applicationPropertiesHoldsOnlyDefaultsThatNoRecordCan() {
		List<String> twice = new ArrayList<>();
		for (String key : APPLICATION.stringPropertyNames()) {
			Property property = METADATA.get(key);
			if (key.startsWith("gofer.") && property != null && property.defaultValue() != null
					&& !NEEDED_BY_PLACEHOLDERS.contains(key)) {
				twice.add(key);
			}
		}
		assertThat(twice).as("defaults written both in a record and in application.properties").isEmpty();
		for (String key : NEEDED_BY_PLACEHOLDERS) {
			Property property = METADATA.get(key);
			assertThat(property).isNotNull();
			assertThat(same(property, APPLICATION.getProperty(key), property.defaultValue()))
				.as("%s in application.properties and in its record", key)
				.isTrue();
		}
	}

	@Test
	void defaultsAreTheContracts() throws IOException {
		assumeThat(CONTRACT).as("the contract beside the repository, as CI has it").exists();
		Map<String, String> documented = documentedDefaults(CONTRACT, "## Configuration");
		assertThat(documented).containsKeys("gofer.data-dir", "gofer.object-store.max-object-size",
				"gofer.auth.enabled");
		assertDefaults(documented);
	}

	@Test
	void everyPropertyIsInTheReadmeWithItsDefault() throws IOException {
		Map<String, String> documented = documentedDefaults(README, "## Configuration");
		assertThat(documented.keySet()).as("gofer.* properties in the README's configuration table")
			.containsAll(METADATA.keySet());
		assertDefaults(documented);
	}

	private static void assertDefaults(Map<String, String> documented) {
		Map<String, String> wrong = new TreeMap<>();
		documented.forEach((name, text) -> {
			Property property = METADATA.get(name);
			if (property == null) {
				wrong.put(name, "documented, but no such property");
				return;
			}
			String effective = effectiveDefault(property);
			boolean matches = switch (text) {
				case "—" -> true;
				case "unset", "generated" -> effective == null;
				default -> effective != null && same(property, text, effective);
			};
			if (!matches) {
				wrong.put(name, "documented " + text + ", configured " + effective);
			}
		});
		assertThat(wrong).isEmpty();
	}

	/** What applies when nothing is set: the record's default, else the application's. */
	private static @Nullable String effectiveDefault(Property property) {
		return property.defaultValue() != null ? property.defaultValue() : APPLICATION.getProperty(property.name());
	}

	private static boolean same(Property property, String documented, @Nullable String configured) {
		if (configured == null) {
			return false;
		}
		return switch (property.type()) {
			case "java.time.Duration" -> parseDuration(documented).equals(parseDuration(configured));
			case "org.springframework.util.unit.DataSize" ->
				DataSize.parse(documented).equals(DataSize.parse(configured));
			default -> documented.equalsIgnoreCase(configured);
		};
	}

	private static Duration parseDuration(String text) {
		return DurationStyle.detectAndParse(text);
	}

	/**
	 * The gofer.* rows of a Markdown table under the given heading: {@code `a` / `b`} and
	 * {@code `a.{b,c}`} name several properties, whose defaults are then separated by
	 * {@code /} and {@code ,}; a default is its first backticked value, else its first
	 * word ({@code —}, {@code unset}, {@code generated}, {@code empty}, a number).
	 */
	private static Map<String, String> documentedDefaults(Path document, String heading) throws IOException {
		List<String> lines = Files.readAllLines(document);
		int start = -1;
		for (int i = 0; i < lines.size() && start < 0; i++) {
			start = lines.get(i).startsWith(heading) ? i : -1;
		}
		assertThat(start).as("%s in %s", heading, document).isNotNegative();
		Map<String, String> defaults = new LinkedHashMap<>();
		for (String line : lines.subList(start + 1, lines.size())) {
			if (line.startsWith("## ")) {
				break;
			}
			if (!line.startsWith("| `gofer.")) {
				continue;
			}
			String[] cells = line.substring(1).split(" \\| ", -1);
			List<String> names = new ArrayList<>();
			Matcher matcher = NAME.matcher(cells[0]);
			while (matcher.find()) {
				names.addAll(expand(matcher.group(1)));
			}
			String text = cells[1].strip();
			if (text.endsWith("|")) {
				text = text.substring(0, text.length() - 1).strip();
			}
			String[] values = names.size() == 1 ? new String[] { text }
					: text.split(cells[0].contains("{") ? ", " : " / ");
			for (int i = 0; i < names.size(); i++) {
				defaults.put(names.get(i), values.length == names.size() ? value(values[i]) : "—");
			}
		}
		return defaults;
	}

	private static List<String> expand(String name) {
		int open = name.indexOf('{');
		if (open < 0) {
			return List.of(name);
		}
		String prefix = name.substring(0, open);
		return List.of(name.substring(open + 1, name.indexOf('}')).split(","))
			.stream()
			.map(part -> prefix + part)
			.toList();
	}

	private static String value(String text) {
		Matcher quoted = Pattern.compile("`([^`]*)`").matcher(text);
		if (quoted.find()) {
			return quoted.group(1);
		}
		String word = text.strip().split("[\\s(]", 2)[0];
		return word.equals("empty") ? "" : word;
	}

	/** The gofer.* properties the application's records declare, by reflection. */
	private static Set<String> recordProperties() {
		Set<String> properties = new TreeSet<>();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (BeanDefinition candidate : scanner.findCandidateComponents(GoferApplication.class.getPackageName())) {
			try {
				Class<?> type = Class.forName(candidate.getBeanClassName());
				addRecord(properties, type.getAnnotation(ConfigurationProperties.class).value(), type);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return properties;
	}

	private static void addRecord(Set<String> properties, String prefix, Class<?> type) {
		for (RecordComponent component : type.getRecordComponents()) {
			String name = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
			if (component.getType().isRecord()) {
				addRecord(properties, name, component.getType());
			}
			else {
				properties.add(name);
			}
		}
	}

	/** The gofer.* properties of the metadata generated into this build's classes. */
	private static Map<String, Property> metadata() {
		try {
			Path classes = Path.of(GoferApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path file = classes.resolve("META-INF/spring-configuration-metadata.json");
			JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
			Map<String, Property> properties = new TreeMap<>();
			for (JsonNode node : root.path("properties")) {
				String name = node.path("name").asString();
				if (name.startsWith("gofer.")) {
					JsonNode defaultValue = node.get("defaultValue");
					properties.put(name,
							new Property(name, node.path("type").asString(),
									node.hasNonNull("description") ? node.get("description").asString() : null,
									defaultValue == null ? null : defaultValue.asString()));
				}
			}
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Properties applicationProperties() {
		Properties properties = new Properties();
		try (InputStream in = Objects
			.requireNonNull(ConfigurationMetadataTests.class.getResourceAsStream("/application.properties"))) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	private record Property(String name, String type, @Nullable String description, @Nullable String defaultValue) {

	}

}
