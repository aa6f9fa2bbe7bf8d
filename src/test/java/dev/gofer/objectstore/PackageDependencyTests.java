package dev.gofer.objectstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package rules the README's layout promises, checked on the sources' imports:
 * protocols are adapters over the catalog's services (the cache protocols over the cache
 * plumbing, which imports no protocol), engines know nothing of the catalog.
 */
class PackageDependencyTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/gofer/objectstore");

	private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(dev\\.gofer\\.objectstore\\.[\\w.]+"
			+ "|org\\.springframework\\.jdbc[\\w.]*|java\\.sql[\\w.]*);", Pattern.MULTILINE);

	@Test
	void noProtocolImportsAnotherProtocolAnEngineOrTheCatalogsSql() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Source source : sources("protocol")) {
			String own = source.subpackage();
			for (String imported : source.imports()) {
				boolean otherProtocol = imported.startsWith("dev.gofer.objectstore.protocol.")
						&& !imported.startsWith("dev.gofer.objectstore.protocol." + own + ".");
				boolean engineOrSql = imported.startsWith("dev.gofer.objectstore.store.")
						|| imported.startsWith("dev.gofer.objectstore.catalog.sqlite.")
						|| imported.startsWith("org.springframework.jdbc") || imported.startsWith("java.sql");
				if (otherProtocol || engineOrSql) {
					violations.add(source.path() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theCachePlumbingImportsNoProtocolNorAnEngineNorTheCatalogsSql() throws IOException {
		// Every cache protocol builds on the cache package, so it must stay below them.
		List<String> violations = new ArrayList<>();
		for (Source source : sources("cache")) {
			for (String imported : source.imports()) {
				if (imported.startsWith("dev.gofer.objectstore.protocol.")
						|| imported.startsWith("dev.gofer.objectstore.store.")
						|| imported.startsWith("dev.gofer.objectstore.catalog.sqlite.")
						|| imported.startsWith("org.springframework.jdbc") || imported.startsWith("java.sql")) {
					violations.add(source.path() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void cacheProtocolsUseTheCachePlumbingNotTheObjectServiceDirectly() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Source source : sources("protocol")) {
			if (!source.subpackage().equals("gofer")
					&& source.imports().contains("dev.gofer.objectstore.catalog.ObjectService")) {
				violations.add(source.path() + " imports the ObjectService; use cache.CacheStore");
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void enginesImportNothingOfTheCatalog() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Source source : sources("store")) {
			for (String imported : source.imports()) {
				if (imported.startsWith("dev.gofer.objectstore.catalog.")) {
					violations.add(source.path() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void theCliImportsNothingOfTheServer() throws IOException {
		List<String> violations = new ArrayList<>();
		for (Source source : sources("cli")) {
			for (String imported : source.imports()) {
				if (imported.startsWith("dev.gofer.objectstore.")
						&& !imported.startsWith("dev.gofer.objectstore.cli.")) {
					violations.add(source.path() + " imports " + imported);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	private static List<Source> sources(String area) throws IOException {
		Path root = SOURCES.resolve(area);
		try (Stream<Path> files = Files.walk(root)) {
			List<Source> sources = new ArrayList<>();
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				Path relative = root.relativize(file);
				String subpackage = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
				List<String> imports = new ArrayList<>();
				Matcher matcher = IMPORT.matcher(Files.readString(file));
				while (matcher.find()) {
					imports.add(matcher.group(1));
				}
				sources.add(new Source(file, subpackage, imports));
			}
			assertThat(sources).as("sources under " + root).isNotEmpty();
			return sources;
		}
	}

	private record Source(Path path, String subpackage, List<String> imports) {

	}

}
