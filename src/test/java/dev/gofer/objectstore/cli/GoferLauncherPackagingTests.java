package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The {@code gofer} launcher's cache, on the jar the build packaged: the first command
 * unpacks the jar and records an ahead-of-time cache that the later ones start from, a
 * rebuilt jar gets a cache of its own, and a cache that cannot be written costs speed,
 * never a command.
 */
class GoferLauncherPackagingTests {

	private static final Path LAUNCHER = Path.of("gofer").toAbsolutePath();

	private static Path builtJar;

	@TempDir
	Path dir;

	@BeforeAll
	static void findJar() {
		builtJar = Path.of(System.getProperty("gofer.jar", "target/none.jar")).toAbsolutePath();
		assertThat(builtJar).as("the jar the build produced (system property gofer.jar)").isRegularFile();
	}

	@Test
	void theFirstCommandRecordsACacheThatTheNextOnesStartFromAndARebuiltJarGetsANewOne() throws IOException {
		Path jar = Files.copy(builtJar, this.dir.resolve("gofer.jar"));
		Path cache = this.dir.resolve("cache");
		String version = "gofer " + version() + "\n";

		Result first = gofer(jar, cache, "", "--version");
		assertThat(first.out()).as(first.toString()).isEqualTo(version);
		assertThat(first.err()).as("no notice of the JVM's on stderr either").isEmpty();
		List<Path> caches = aotCaches(cache);
		assertThat(caches).hasSize(1);

		// AOTMode=on makes the JVM fail rather than start without the cache.
		Result second = gofer(jar, cache, "-XX:AOTMode=on", "--version");
		assertThat(second.out()).as(second.toString()).isEqualTo(version);
		assertThat(second.err()).isEmpty();

		Result unreachable = gofer(jar, cache, "-XX:AOTMode=on", "pipeline", "object", "get", "p", "k", "--host",
				"http://127.0.0.1:" + freePort());
		assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(6);
		assertThat(unreachable.out()).isEmpty();
		assertThat(unreachable.err()).startsWith("gofer: Cannot reach the Gofer server").doesNotContain("AOT");

		// A rebuilt jar at the same path: unpacked and recorded anew, the old copy
		// removed.
		Files.copy(builtJar, jar, StandardCopyOption.REPLACE_EXISTING);
		Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
		Result rebuilt = gofer(jar, cache, "", "--version");
		assertThat(rebuilt.out()).as(rebuilt.toString()).isEqualTo(version);
		assertThat(aotCaches(cache)).hasSize(1).doesNotContainAnyElementsOf(caches);
		assertThat(gofer(jar, cache, "-XX:AOTMode=on", "--version").out()).isEqualTo(version);
	}

	@Test
	void aJarUnpackedAlreadyAsInTheImageIsUsedWhereItIsWithItsCacheInTheCacheDirectory()
			throws IOException, InterruptedException {
		Path app = this.dir.resolve("app");
		Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", builtJar.toString(), "extract", "--destination", app.toString(),
				"--application-filename", "gofer-object-store.jar")
			.inheritIO()
			.start();
		assertThat(extract.waitFor(120, TimeUnit.SECONDS) && extract.exitValue() == 0).as("extracted").isTrue();
		Path jar = app.resolve("gofer-object-store.jar");
		assertThat(app.resolve("lib")).isDirectory();
		Path cache = this.dir.resolve("cache");
		String version = "gofer " + version() + "\n";

		Result first = gofer(jar, cache, "", "--version");
		assertThat(first.out()).as(first.toString()).isEqualTo(version);
		assertThat(first.err()).isEmpty();
		assertThat(aotCaches(cache)).hasSize(1);
		try (Stream<Path> files = Files.walk(cache)) {
			assertThat(files.filter((file) -> file.toString().endsWith(".jar"))).as("nothing unpacked again").isEmpty();
		}
		Result second = gofer(jar, cache, "-XX:AOTMode=on", "--version");
		assertThat(second.out()).as(second.toString()).isEqualTo(version);
	}

	@Test
	void aCacheWhereNoDirectoryCanBeMadeCostsSpeedOnly() throws IOException {
		Path jar = Files.copy(builtJar, this.dir.resolve("gofer.jar"));
		Path notADirectory = Files.writeString(this.dir.resolve("file"), "");
		Result noCache = gofer(jar, notADirectory, "", "--version");
		assertThat(noCache.out()).as(noCache.toString()).isEqualTo("gofer " + version() + "\n");
		assertThat(noCache.err()).isEmpty();
	}

	@Test
	void aReadOnlyCacheCostsSpeedOnly() throws IOException {
		assumeFalse("root".equals(System.getProperty("user.name")), "root writes to read-only directories");
		Path jar = Files.copy(builtJar, this.dir.resolve("gofer.jar"));
		String version = "gofer " + version() + "\n";
		Path cache = this.dir.resolve("cache");
		assertThat(gofer(jar, cache, "", "--version").out()).isEqualTo(version);
		// Unpacked, say by an image build, but without an AOT cache, and read-only.
		for (Path aot : aotCaches(cache)) {
			Files.delete(aot);
		}
		List<Path> entries;
		try (Stream<Path> files = Files.walk(cache)) {
			entries = files.filter(Files::isDirectory).toList();
		}
		entries.forEach((entry) -> setWritable(entry, false));
		try {
			Result readOnly = gofer(jar, cache, "", "--version");
			assertThat(readOnly.out()).as(readOnly.toString()).isEqualTo(version);
			assertThat(readOnly.err()).isEmpty();
			assertThat(aotCaches(cache)).isEmpty();
		}
		finally {
			entries.forEach((entry) -> setWritable(entry, true));
		}
	}

	private static void setWritable(Path directory, boolean writable) {
		try {
			Files.setPosixFilePermissions(directory,
					PosixFilePermissions.fromString(writable ? "rwx------" : "r-x------"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String version() throws IOException {
		try (JarFile jar = new JarFile(builtJar.toFile())) {
			return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
		}
	}

	private static List<Path> aotCaches(Path cache) throws IOException {
		try (Stream<Path> files = Files.walk(cache)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(".aot")).toList();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private Result gofer(Path jar, Path cache, String javaOptions, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = new HashMap<>();
		System.getenv().forEach((name, value) -> {
			if (!name.startsWith("GOFER_")) {
				env.put(name, value);
			}
		});
		env.put("JAVA_HOME", System.getProperty("java.home"));
		env.put("GOFER_JAR", jar.toString());
		env.put("GOFER_CACHE_DIR", cache.toString());
		env.put("GOFER_JAVA_OPTS", javaOptions);
		env.put("XDG_CONFIG_HOME", this.dir.resolve("config").toString());
		builder.environment().clear();
		builder.environment().putAll(env);
		Path out = Files.createTempFile(this.dir, "out", ".txt");
		Path err = Files.createTempFile(this.dir, "err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("gofer " + String.join(" ", args) + " finished")
				.isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String out, String err) {

	}

}
