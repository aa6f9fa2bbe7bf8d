package dev.gofer.objectstore.protocol.gofer;

import org.junit.jupiter.api.Test;

import dev.gofer.objectstore.support.ApiClient.Reply;
import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Health groups for the orchestrator's probes, and metrics for Prometheus. */
class ActuatorIntegrationTests extends IntegrationTest {

	@Test
	void healthLivenessAndReadinessAreUp() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			Reply reply = this.api.get(path);
			assertThat(reply.status()).as(path).isEqualTo(200);
			assertThat(reply.json().get("status").asString()).as(path).isEqualTo("UP");
		}
	}

	@Test
	void prometheusExposesTheServiceMetrics() {
		Reply reply = this.api.get("/actuator/prometheus");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text()).contains("gofer_retention_blobs_reclaimed_total", "http_server_requests",
				"hikaricp_connections");
	}

}
