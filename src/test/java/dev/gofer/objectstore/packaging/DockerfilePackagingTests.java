package dev.gofer.objectstore.packaging;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.packaging.Dockerfile.Instruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Dockerfile against the build's real output, since no Docker engine runs here. Runs
 * after {@code package} (Failsafe: see the pom), on the jar the build produced: it
 * repeats the build stage's layer extraction with the Dockerfile's own arguments, checks
 * that every path the image copies exists, and starts the server with the Dockerfile's
 * ENTRYPOINT from the layers merged as the COPY instructions merge them.
 */
class DockerfilePackagingTests {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final String LAUNCHER_SCRIPT = "gofer";

	private static Dockerfile dockerfile;

	private static Path jar;

	@BeforeAll
	static void read() throws IOException {
		dockerfile = Dockerfile.read(ROOT.resolve("Dockerfile"));
		jar = Path.of(System.getProperty("gofer.jar", "target/none.jar")).toAbsolutePath();
		assertThat(jar).as("the jar the build produced (system property gofer.jar)").isRegularFile();
	}

	@Test
	void buildsOnAJdk25AndRunsOnAJre25() {
		List<Instruction> froms = dockerfile.all("FROM");
		assertThat(froms).hasSize(2);
		assertThat(froms.getFirst().arguments()).matches("eclipse-temurin:25-jdk(\\S*)? AS build");
		assertThat(froms.getLast().arguments()).matches("eclipse-temurin:25-jre\\S*");
		assertThat(dockerfile.all("RUN")).filteredOn(run -> run.stage().equals("build"))
			.anySatisfy(run -> assertThat(run.arguments()).startsWith("./mvnw "));
	}

	@Test
	void everyPathCopiedFromTheBuildContextExists() {
		List<String> sources = contextSources();
		assertThat(sources).contains("mvnw", "pom.xml", ".mvn", "src", LAUNCHER_SCRIPT);
		for (String source : sources) {
			if (!source.equals(LAUNCHER_SCRIPT)) {
				assertThat(ROOT.resolve(source)).as("COPY source " + source).exists();
			}
		}
	}

	@Test
	void nothingCopiedIsExcludedFromTheBuildContext() throws IOException {
		List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore"))
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.map(line -> line.endsWith("/") ? line.substring(0, line.length() - 1) : line)
			.toList();
		for (String source : contextSources()) {
			assertThat(ignored).as("COPY source " + source + " is in .dockerignore").doesNotContain(source);
		}
		assertThat(ignored).as("the build output must not leak into the context").contains("target");
	}

	@Test
	void theLauncherScriptIsCopiedOntoThePath() {
		Path script = ROOT.resolve(LAUNCHER_SCRIPT);
		assumeTrue(Files.exists(script), "The gofer launcher script is not in this checkout yet: the Dockerfile "
				+ "copies ./gofer into /usr/local/bin, so `docker build` needs it");
		assertThat(Files.isExecutable(script)).isTrue();
		Instruction copy = copies().stream()
			.filter(instruction -> instruction.words().getFirst().equals(LAUNCHER_SCRIPT))
			.findFirst()
			.orElseThrow();
		assertThat(copy.words().getLast()).isEqualTo("/usr/local/bin/gofer");
		assertThat(copy.flag("chmod")).hasValue("755");
	}

	@Test
	void theLayersTheImageCopiesAreTheOnesTheJarExtractsInto(@TempDir Path temp) throws Exception {
		Path layers = extract(temp);
		List<Instruction> fromBuild = copies().stream().filter(copy -> copy.flag("from").isPresent()).toList();
		List<String> copied = new ArrayList<>();
		for (Instruction copy : fromBuild) {
			assertThat(copy.flag("from")).hasValue("build");
			String source = copy.words().getFirst();
			assertThat(source).startsWith(destination() + "/");
			Path extracted = layers.resolve(source.substring(destination().length() + 1));
			assertThat(extracted).as("COPY --from=build " + source).isDirectory();
			copied.add(extracted.getFileName().toString());
		}
		// All of Spring Boot's layers, least often changed first, as the jar's layer
		// index orders them.
		assertThat(copied).containsExactlyElementsOf(
				run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "list-layers")).lines()
					.map(String::strip)
					.filter(line -> !line.isEmpty())
					.toList());
	}

	@Test
	void theEntrypointRunsTheExtractedJarAsANonRootUserWithTheDataVolume(@TempDir Path temp) throws Exception {
		List<String> entrypoint = dockerfile.last("ENTRYPOINT").execForm();
		String workdir = dockerfile.last("WORKDIR").arguments();
		String applicationJar = workdir + "/" + extractOption("--application-filename");
		assertThat(entrypoint.getFirst()).isEqualTo("java");
		assertThat(entrypoint).containsSequence("-jar", applicationJar)
			.contains("-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC");
		assertThat(dockerfile.last("ENV").arguments()).contains("GOFER_DATA_DIR=/data")
			.contains("GOFER_JAR=" + applicationJar);
		assertThat(dockerfile.last("VOLUME").arguments()).isEqualTo("/data");
		String user = dockerfile.last("USER").arguments();
		assertThat(user).matches("[0-9]+(:[0-9]+)?");
		assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
		assertThat(dockerfile.instructions().getLast().keyword()).isEqualTo("ENTRYPOINT");

		Path merged = merge(extract(temp), temp.resolve("app"));
		Path application = merged.resolve(applicationJar.substring(workdir.length() + 1));
		try (JarFile opened = new JarFile(application.toFile())) {
			Manifest manifest = opened.getManifest();
			assertThat(manifest.getMainAttributes().getValue("Main-Class"))
				.isEqualTo("dev.gofer.objectstore.GoferApplication");
			for (String entry : manifest.getMainAttributes().getValue("Class-Path").split(" ")) {
				assertThat(merged.resolve(entry)).as("Class-Path entry " + entry).isRegularFile();
			}
		}
		startsAndAnswers(entrypoint, workdir, merged, temp.resolve("data"));
	}

	/**
	 * Runs the ENTRYPOINT with /app mapped to {@code merged}, as the container would,
	 * until ready.
	 */
	private static void startsAndAnswers(List<String> entrypoint, String workdir, Path merged, Path data)
			throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>();
		command.add(java());
		entrypoint.stream().skip(1).map(arg -> arg.replace(workdir + "/", merged + "/")).forEach(command::add);
		command.add("--server.port=" + port);
		command.add("--gofer.auth.admin-token=packaging-test-token");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(data.resolveSibling("entrypoint.log").toFile());
		builder.environment().put("GOFER_DATA_DIR", data.toString());
		Process process = builder.start();
		try {
			boolean ready = awaitReady(process, port);
			assertThat(ready).as(() -> "ready:\n" + log(data.resolveSibling("entrypoint.log"))).isTrue();
			assertThat(data.resolve("gofer.db")).as("GOFER_DATA_DIR binds gofer.data-dir").isRegularFile();
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static String log(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static boolean awaitReady(Process process, int port) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plusSeconds(90);
		while (Instant.now().isBefore(deadline) && process.isAlive()) {
			try {
				HttpResponse<String> response = http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return true;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		return false;
	}

	/**
	 * Repeats the build stage's {@code extract} with the Dockerfile's arguments, into
	 * {@code temp}.
	 */
	private static Path extract(Path temp) throws Exception {
		Instruction extract = extractInstruction();
		List<String> command = new ArrayList<>();
		command.add(java());
		List<String> words = extract.words();
		int jarIndex = words.indexOf("-jar");
		command.addAll(words.subList(1, jarIndex + 1));
		command.add(jar.toString());
		Path layers = temp.resolve("layers");
		for (int i = jarIndex + 2; i < words.size(); i++) {
			command.add(words.get(i).equals(destination()) ? layers.toString() : words.get(i));
		}
		run(command);
		return layers;
	}

	/**
	 * Copies the layers in the order of the COPY instructions into one directory, as the
	 * image has them.
	 */
	private static Path merge(Path layers, Path target) throws IOException {
		for (Instruction copy : copies()) {
			if (copy.flag("from").isEmpty()) {
				continue;
			}
			Path layer = layers.resolve(copy.words().getFirst().substring(destination().length() + 1));
			try (Stream<Path> files = Files.walk(layer)) {
				for (Path file : (Iterable<Path>) files::iterator) {
					Path to = target.resolve(layer.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(to);
					}
					else {
						Files.copy(file, to);
					}
				}
			}
		}
		return target;
	}

	private static Instruction extractInstruction() {
		return dockerfile.all("RUN")
			.stream()
			.filter(run -> run.arguments().contains("-Djarmode=tools") && run.arguments().contains(" extract "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No RUN extracts the layers"));
	}

	private static String extractOption(String name) {
		List<String> words = extractInstruction().words();
		return words.get(words.indexOf(name) + 1);
	}

	private static String destination() {
		return extractOption("--destination");
	}

	private static List<Instruction> copies() {
		return dockerfile.all("COPY");
	}

	private static List<String> contextSources() {
		return copies().stream()
			.filter(copy -> copy.flag("from").isEmpty())
			.flatMap(copy -> copy.words().subList(0, copy.words().size() - 1).stream())
			.map(source -> source.endsWith("/") ? source.substring(0, source.length() - 1) : source)
			.toList();
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static String run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
		return output;
	}

}
