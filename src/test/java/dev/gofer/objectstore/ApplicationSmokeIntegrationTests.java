package dev.gofer.objectstore;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationSmokeIntegrationTests extends IntegrationTest {

	@Test
	void putThenGetReturnsTheSameBytes() {
		String path = "/api/namespaces/default/pipelines/" + unique("smoke") + "/objects/my_key1";
		Reply put = this.api.post(path, "my_value5");
		assertThat(put.status()).as(put.toString()).isEqualTo(201);
		Reply get = this.api.get(path);
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.text()).isEqualTo("my_value5");
	}

}
