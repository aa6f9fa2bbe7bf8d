package dev.gofer.objectstore.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.support.ApiClient;
import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.GoferProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The disk refuses to take a blob (here a file-size limit set on the server, which fails
 * writes past it just as a full disk would): the upload fails with 503, nothing partial
 * is visible or left behind, the earlier value stays, and smaller writes go on working.
 */
class DiskFullProcessTests {

	private static final String OBJECTS = "/api/namespaces/default/pipelines/full/objects";

	@Test
	void uploadThatDoesNotFitIsRefusedCleanly(@TempDir Path dataDir) throws Exception {
		// ulimit -f counts 1 KiB blocks: no file of the server may grow past 8 MiB.
		List<String> limited = List.of("bash", "-c", "ulimit -f 8192 && exec \"$@\"", "bash");
		try (GoferProcess server = GoferProcess.startUnder(limited, dataDir, List.of("-Xmx256m"),
				"--gofer.object-store.engine=filesystem")) {
			ApiClient api = server.api();
			assertThat(api.put(OBJECTS + "/artifact", "earlier").status()).isEqualTo(201);
			// A little over the limit: the server answers once the disk refuses, and
			// reads the rest of
			// the body (less than Tomcat's swallow limit) so that this client, which
			// reads the answer
			// only after sending everything, gets it.
			Reply refused = api.put(OBJECTS + "/artifact", new byte[9 * 1024 * 1024]);
			assertThat(refused.status()).isEqualTo(503);
			assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(refused.json().get("detail").asString()).isNotBlank().doesNotContain(dataDir.toString());
			assertThat(api.get(OBJECTS + "/artifact").text()).isEqualTo("earlier");
			try (Stream<Path> partial = Files.list(dataDir.resolve("objects").resolve("tmp"))) {
				assertThat(partial).as("half-written files").isEmpty();
			}
			assertThat(api.put(OBJECTS + "/small", new byte[1024 * 1024]).status()).isEqualTo(201);
			assertThat(api.get(OBJECTS + "/small").bytes()).hasSize(1024 * 1024);
		}
	}

}
