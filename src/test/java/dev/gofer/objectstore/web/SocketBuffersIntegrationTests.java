package dev.gofer.objectstore.web;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import dev.gofer.objectstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server moves bytes through its sockets 32 KiB at a time, not Tomcat's 8
 * KiB: the speed of large transfers depends on it (bench/), and nothing else in the tests
 * would notice if the setting stopped reaching the connector.
 */
class SocketBuffersIntegrationTests extends IntegrationTest {

	@Autowired
	private WebServerApplicationContext context;

	@Test
	void theServingConnectorReadsAndWrites32KiBAtATime() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getLocalPort()).isEqualTo(this.port);
		assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("32768");
		assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
	}

}
