package dev.gofer.objectstore.protocol.gofer;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.gofer.objectstore.client.ApiClient;
import dev.gofer.objectstore.client.ApiException;
import dev.gofer.objectstore.client.api.PipelineObjectsApi;
import dev.gofer.objectstore.client.api.PipelinesApi;
import dev.gofer.objectstore.client.api.RunObjectsApi;
import dev.gofer.objectstore.client.api.RunsApi;
import dev.gofer.objectstore.client.model.ObjectMetadata;
import dev.gofer.objectstore.client.model.Pipeline;
import dev.gofer.objectstore.client.model.PipelineLimits;
import dev.gofer.objectstore.client.model.Problem;
import dev.gofer.objectstore.client.model.PutObjectResult;
import dev.gofer.objectstore.client.model.Run;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A client generated at build time from the committed API description (which
 * {@link ServedApiDescriptionIntegrationTests} keeps equal to {@code /v3/api-docs}) does
 * the everyday work against the running server: binary objects byte for byte, listings,
 * runs, limits and errors. If the description lacked an operation, a parameter or a type,
 * this would not compile or would fail.
 */
class GeneratedClientIntegrationTests extends IntegrationTest {

	private static final String NAMESPACE = "default";

	@TempDir
	Path temp;

	private PipelineObjectsApi pipelineObjects;

	private RunObjectsApi runObjects;

	private RunsApi runs;

	private PipelinesApi pipelines;

	private ApiClient client;

	@BeforeEach
	void generatedClient() {
		this.client = new ApiClient().setBasePath("http://localhost:" + this.port);
		this.client.setBearerToken(ADMIN_TOKEN);
		this.pipelineObjects = new PipelineObjectsApi(this.client);
		this.runObjects = new RunObjectsApi(this.client);
		this.runs = new RunsApi(this.client);
		this.pipelines = new PipelinesApi(this.client);
	}

	@Test
	void pipelineObjectsRoundTripByteForByte() throws Exception {
		String pipeline = unique("generated");
		byte[] content = binary(100_000);
		PutObjectResult put = this.pipelineObjects.putPipelineObject(NAMESPACE, pipeline, "build.tar", file(content),
				null, null);
		assertThat(put.getObject().getKey()).isEqualTo("build.tar");
		assertThat(put.getObject().getSize()).isEqualTo(content.length);
		assertThat(put.getObject().getSha256()).isEqualTo(sha256(content));
		assertThat(put.getObject().getContentType()).isEqualTo("application/octet-stream");
		assertThat(put.getEvicted()).isEmpty();

		assertThat(read(this.pipelineObjects.getPipelineObject(NAMESPACE, pipeline, "build.tar", null, null)))
			.isEqualTo(content);
		assertThat(read(this.pipelineObjects.getPipelineObject(NAMESPACE, pipeline, "build.tar", "bytes=10-19", null)))
			.isEqualTo(Arrays.copyOfRange(content, 10, 20));

		byte[] empty = new byte[0];
		this.pipelineObjects.createPipelineObject(NAMESPACE, pipeline, "empty", file(empty), null, null, null);
		assertThat(read(this.pipelineObjects.getPipelineObject(NAMESPACE, pipeline, "empty", null, null))).isEmpty();
		assertThat(this.pipelineObjects.listPipelineObjects(NAMESPACE, pipeline, null, "newest", 10).getObjects())
			.extracting(ObjectMetadata::getKey, ObjectMetadata::getSize)
			.containsExactly(tuple("empty", 0L), tuple("build.tar", 100_000L));

		// The problem responses reach the client as its exception, with the status, and
		// a body that decodes into the description's Problem with Gofer's Error fields.
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.pipelineObjects.createPipelineObject(NAMESPACE, pipeline, "empty", file(content),
					null, null, null))
			.satisfies(ex -> {
				assertThat(ex.getCode()).isEqualTo(409);
				Problem problem = this.client.getObjectMapper().readValue(ex.getResponseBody(), Problem.class);
				assertThat(problem.getStatus()).isEqualTo(409);
				assertThat(problem.getDetail()).contains("empty");
				assertThat(problem.getMessage()).isEqualTo(problem.getDetail());
				assertThat(problem.getRequestId()).isNotBlank()
					.isEqualTo(ex.getResponseHeaders().get("X-Request-Id").get(0));
			});
		PutObjectResult forced = this.pipelineObjects.createPipelineObject(NAMESPACE, pipeline, "empty", file(content),
				true, null, null);
		assertThat(forced.getObject().getSize()).isEqualTo(content.length);

		this.pipelineObjects.deletePipelineObject(NAMESPACE, pipeline, "build.tar");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.pipelineObjects.getPipelineObject(NAMESPACE, pipeline, "build.tar", null, null))
			.satisfies(ex -> assertThat(ex.getCode()).isEqualTo(404));
		assertThat(this.pipelineObjects.listPipelineObjects(NAMESPACE, pipeline, null, null, null).getObjects())
			.extracting(ObjectMetadata::getKey)
			.containsExactly("empty");
	}

	@Test
	void runsAndRunObjectsWorkThroughTheClient() throws Exception {
		String pipeline = unique("generated");
		Pipeline limits = this.pipelines
			.updatePipeline(NAMESPACE, pipeline, new PipelineLimits().runObjectExpiry(2).objectLimit(5))
			.getPipeline();
		assertThat(limits.getRunObjectExpiry()).isEqualTo(2);
		assertThat(limits.getObjectLimit()).isEqualTo(5);

		Run first = this.runs.startRun(NAMESPACE, pipeline).getRun();
		assertThat(first.getRunId()).isEqualTo(1L);
		assertThat(first.getObjectsExpired()).isFalse();

		byte[] content = binary(4096);
		this.runObjects.putRunObject(NAMESPACE, pipeline, 1L, "result.bin", file(content), null, null);
		assertThat(read(this.runObjects.getRunObject(NAMESPACE, pipeline, 1L, "result.bin", null, null)))
			.isEqualTo(content);
		assertThat(this.runObjects.listRunObjects(NAMESPACE, pipeline, 1L, "res", null, null).getObjects())
			.extracting(ObjectMetadata::getSha256)
			.containsExactly(sha256(content));

		this.runs.registerRun(NAMESPACE, pipeline, 3L);
		assertThat(this.runs.listRuns(NAMESPACE, pipeline).getRuns()).extracting(Run::getRunId).containsExactly(3L, 1L);
		assertThat(this.runs.getRun(NAMESPACE, pipeline, 1L).getRun().getObjectsExpired()).isTrue();
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> this.runObjects.putRunObject(NAMESPACE, pipeline, 1L, "late", file(content), null, null))
			.satisfies(ex -> assertThat(ex.getCode()).isEqualTo(410));

		this.runObjects.putRunObject(NAMESPACE, pipeline, 3L, "k", file(content), null, null);
		this.runObjects.deleteRunObject(NAMESPACE, pipeline, 3L, "k");
		assertThat(this.runObjects.listRunObjects(NAMESPACE, pipeline, 3L, null, null, null).getObjects()).isEmpty();
		assertThat(this.pipelines.getPipeline(NAMESPACE, pipeline).getPipeline().getLatestRunId()).isEqualTo(3L);
	}

	/**
	 * Every byte value, then random bytes: no text encoding could pass it unchanged by
	 * accident.
	 */
	private static byte[] binary(int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		for (int i = 0; i < Math.min(256, size); i++) {
			content[i] = (byte) i;
		}
		return content;
	}

	private File file(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.temp, "upload", ".bin"), content).toFile();
	}

	private static byte[] read(File downloaded) throws IOException {
		return Files.readAllBytes(downloaded.toPath());
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
