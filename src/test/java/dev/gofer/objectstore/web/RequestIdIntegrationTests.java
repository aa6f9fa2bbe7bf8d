package dev.gofer.objectstore.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every answer carries its request id, and so do the log lines the request writes. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIntegrationTests extends IntegrationTest {

	@Test
	void answersEchoTheCallersIdOrAGeneratedOne() {
		Reply given = this.api.get("/api/namespaces/default/pipelines/" + unique("rid") + "/objects", "X-Request-Id",
				"ci-7f3a");
		assertThat(given.status()).isEqualTo(200);
		assertThat(given.header("X-Request-Id")).isEqualTo("ci-7f3a");

		Reply generated = this.api.get("/actuator/health");
		assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");

		// Errors too, including those answered by the error page (an unknown route).
		Reply unknown = this.api.get("/no/such/route", "X-Request-Id", "lost-1");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("X-Request-Id")).isEqualTo("lost-1");
	}

	@Test
	void logLinesOfARequestShowItsId(CapturedOutput output) {
		Reply refused = this.api.withToken("not-a-token")
			.get("/api/namespaces/default/pipelines/p/objects", "X-Request-Id", "trace-me-1234");
		assertThat(refused.status()).isEqualTo(401);

		assertThat(output.getOut()
			.lines()
			.filter(line -> line.contains("Refused GET"))
			.filter(line -> line.contains("[trace-me-1234] "))).hasSize(1);
		// Outside requests, no empty brackets.
		assertThat(output.getOut()).doesNotContain("[] ");
	}

}
