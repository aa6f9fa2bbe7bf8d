package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The optional config file: a Java properties file with {@code host}, {@code token} and
 * {@code namespace}. It lives at {@code $GOFER_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/gofer/config.properties}, else
 * {@code ~/.config/gofer/config.properties}.
 */
final class ConfigFile {

	static final Set<String> KEYS = Set.of("host", "token", "namespace");

	private ConfigFile() {
	}

	static Path location(Map<String, String> env) {
		String explicit = env.get("GOFER_CONFIG");
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit);
		}
		String configHome = env.get("XDG_CONFIG_HOME");
		Path base = (configHome != null && !configHome.isBlank()) ? Path.of(configHome)
				: Path.of(System.getProperty("user.home"), ".config");
		return base.resolve("gofer").resolve("config.properties");
	}

	/**
	 * Reads the config file. A missing file at the default location is no error; one
	 * named by {@code GOFER_CONFIG} is, since the user asked for it. Unknown keys are
	 * reported, not fatal, so that a file written for a newer client still works.
	 */
	static Properties load(Map<String, String> env, PrintStream err) {
		Path location = location(env);
		Properties properties = new Properties();
		if (!Files.exists(location)) {
			if (env.containsKey("GOFER_CONFIG")) {
				throw new CliException(ExitCode.ERROR,
						"The config file " + location + " (GOFER_CONFIG) does not exist");
			}
			return properties;
		}
		try (Reader reader = Files.newBufferedReader(location, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Cannot read the config file " + location + ": " + ex.getMessage());
		}
		for (String name : properties.stringPropertyNames()) {
			if (!KEYS.contains(name)) {
				err.println("gofer: ignoring unknown setting '" + name + "' in " + location
						+ "; the settings are host, token and namespace");
			}
		}
		return properties;
	}

}
