package dev.gofer.objectstore.web;

import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gofer.server.socket-buffer}: what it binds to, that it reaches a real Tomcat
 * connector, and that a size the server could not sensibly use stops the start with a
 * message naming it.
 */
class SocketPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class);

	@Test
	void theDefaultIs32KiB() {
		this.runner.run(context -> assertThat(context.getBean(SocketProperties.class).socketBufferBytes())
			.isEqualTo(32 * 1024));
	}

	@Test
	void theEnvironmentVariableTheReadmeNamesForHelmSetsIt() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("GOFER_SERVER_SOCKET_BUFFER", "8KB")));
		this.runner.withInitializer(context -> context.setEnvironment(environment))
			.run(context -> assertThat(context.getBean(SocketProperties.class).socketBufferBytes()).isEqualTo(8192));
	}

	@Test
	void aConfiguredSizeReachesTheConnectorForBothDirections() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
		new TomcatCustomizer(new SocketProperties(DataSize.ofKilobytes(64))).customize(factory);
		TomcatWebServer server = (TomcatWebServer) factory.getWebServer();
		try {
			// The connector joins its service when the server starts.
			server.start();
			Connector connector = server.getTomcat().getConnector();
			assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("65536");
			assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("65536");
		}
		finally {
			server.destroy();
		}
	}

	@Test
	void aSizeOutsideFourKilobytesToOneMegabyteFailsStartupSayingSo() {
		for (String size : new String[] { "2KB", "2MB" }) {
			this.runner.withPropertyValues("gofer.server.socket-buffer=" + size).run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("gofer.server.socket-buffer must be between 4KB and 1MB");
			});
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SocketProperties.class)
	static class Properties {

	}

}
