package dev.gofer.objectstore.web;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short JSON answers go out whole, with a Content-Length, instead of chunked after an
 * early flush; answers longer than the server's buffer still arrive complete.
 */
class SingleWriteIntegrationTests extends IntegrationTest {

	@Test
	void anUploadIsAnsweredWithItsLength() {
		Reply reply = this.api.put("/api/namespaces/default/pipelines/" + unique("single") + "/objects/k", "value");
		assertThat(reply.status()).isEqualTo(201);
		assertSized(reply);
		assertThat(reply.json().path("object").path("size").asLong()).isEqualTo(5);
	}

	@Test
	void aProblemIsAnsweredWithItsLength() {
		Reply reply = this.api.get("/api/namespaces/default/pipelines/" + unique("single") + "/objects/missing");
		assertThat(reply.status()).isEqualTo(404);
		assertSized(reply);
		assertThat(reply.json().path("detail").asString()).contains("missing");
	}

	@Test
	void aListingLongerThanTheBufferArrivesWhole() {
		String pipeline = "/api/namespaces/default/pipelines/" + unique("single");
		String objects = pipeline + "/objects";
		assertThat(this.api.patch(pipeline, "{\"object_limit\": 500}").status()).isEqualTo(200);
		int count = 300;
		for (int i = 0; i < count; i++) {
			assertThat(this.api.put(objects + "/key-%04d".formatted(i), "v").status()).isEqualTo(201);
		}
		Reply listing = this.api.get(objects);
		assertThat(listing.status()).isEqualTo(200);
		// Far beyond Tomcat's 8 KiB response buffer.
		assertThat(listing.bytes().length).isGreaterThan(32 * 1024);
		assertThat(listing.json().path("objects").size()).isEqualTo(count);
	}

	private static void assertSized(Reply reply) {
		assertThat(reply.header("Transfer-Encoding")).isNull();
		assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.bytes().length));
	}

}
