package dev.gofer.objectstore.protocol.gofer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build generates a Java client from {@value #COMMITTED}; this test keeps that file
 * equal to the description the server really serves, so the generated client is the one
 * users would get. After a change to the API, refresh the file with
 * {@code ./mvnw test -Dtest=ServedApiDescriptionIntegrationTests -Dgofer.openapi.update=true}.
 */
class ServedApiDescriptionIntegrationTests extends IntegrationTest {

	static final String COMMITTED = "src/test/resources/openapi/gofer.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void theCommittedDescriptionIsTheServedOne() throws IOException {
		Reply served = this.api.get("/v3/api-docs");
		assertThat(served.status()).isEqualTo(200);
		JsonNode description = normalized(served.json());
		Path committed = Path.of(COMMITTED);
		if (Boolean.getBoolean("gofer.openapi.update")) {
			Files.writeString(committed, JSON.writeValueAsString(description) + "\n");
		}
		assertThat(JSON.readTree(committed.toFile()))
			.as("%s differs from /v3/api-docs: refresh it with -Dgofer.openapi.update=true", COMMITTED)
			.isEqualTo(description);
	}

	/**
	 * Without {@code servers}: springdoc names the address the request came to, a random
	 * port here.
	 */
	static JsonNode normalized(JsonNode served) {
		ObjectNode copy = (ObjectNode) served.deepCopy();
		copy.remove("servers");
		return copy;
	}

}
