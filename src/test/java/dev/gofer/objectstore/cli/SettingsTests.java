package dev.gofer.objectstore.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SettingsTests {

	@TempDir
	Path dir;

	@Test
	void defaultsApplyWhenNothingIsSet() {
		Settings settings = Settings.resolve(null, null, null, Map.of(), new Properties());
		assertThat(settings).isEqualTo(new Settings(URI.create("http://localhost:8080"), null, "default"));
	}

	@Test
	void optionBeatsVariableBeatsFile() {
		Properties file = properties("host", "file:1", "token", "file-token", "namespace", "file-ns");
		Map<String, String> env = Map.of("GOFER_HOST", "env:2", "GOFER_TOKEN", "env-token");
		assertThat(Settings.resolve(null, null, null, env, file))
			.isEqualTo(new Settings(URI.create("http://env:2"), "env-token", "file-ns"));
		assertThat(Settings.resolve("https://flag:3/", "flag-token", "flag-ns", env, file))
			.isEqualTo(new Settings(URI.create("https://flag:3"), "flag-token", "flag-ns"));
	}

	@Test
	void anEmptyVariableCountsAsUnset() {
		Settings settings = Settings.resolve(null, null, null, Map.of("GOFER_TOKEN", "", "GOFER_HOST", " "),
				properties("host", "file:1"));
		assertThat(settings.token()).isNull();
		assertThat(settings.host()).isEqualTo(URI.create("http://file:1"));
	}

	@Test
	void hostsMayHaveAPathButNotAQuery() {
		assertThat(Settings.parseHost("gofer.example.com/store/"))
			.isEqualTo(URI.create("http://gofer.example.com/store"));
		for (String invalid : new String[] { "ftp://x", "http://", "http://x?y=1", "a b" }) {
			assertThatExceptionOfType(CliException.class).as(invalid).isThrownBy(() -> Settings.parseHost(invalid));
		}
	}

	@Test
	void configFileIsFoundByVariableOrXdgOrHome() {
		assertThat(ConfigFile.location(Map.of("GOFER_CONFIG", "/etc/gofer.properties")))
			.isEqualTo(Path.of("/etc/gofer.properties"));
		assertThat(ConfigFile.location(Map.of("XDG_CONFIG_HOME", "/xdg")))
			.isEqualTo(Path.of("/xdg/gofer/config.properties"));
		assertThat(ConfigFile.location(Map.of()))
			.isEqualTo(Path.of(System.getProperty("user.home"), ".config", "gofer", "config.properties"));
	}

	@Test
	void configFileIsReadAndUnknownKeysReported() throws Exception {
		Path file = Files.writeString(this.dir.resolve("config.properties"), "host=h:1\nhots=typo\n");
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		Properties loaded = ConfigFile.load(Map.of("GOFER_CONFIG", file.toString()),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(loaded.getProperty("host")).isEqualTo("h:1");
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown setting 'hots'");
	}

	@Test
	void missingConfigFileIsAnErrorOnlyWhenNamedExplicitly() {
		PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		assertThat(ConfigFile.load(Map.of("XDG_CONFIG_HOME", this.dir.toString()), err)).isEmpty();
		assertThatExceptionOfType(CliException.class)
			.isThrownBy(() -> ConfigFile.load(Map.of("GOFER_CONFIG", this.dir.resolve("none").toString()), err));
	}

	private static Properties properties(String... nameValues) {
		Properties properties = new Properties();
		for (int i = 0; i < nameValues.length; i += 2) {
			properties.setProperty(nameValues[i], nameValues[i + 1]);
		}
		return properties;
	}

}
