package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.gofer.objectstore.GoferApplication;

/**
 * The whole service on a random port over a real SQLite file. Subclasses share one
 * application context, so each test works in pipelines and extensions of its own (see
 * {@link #unique}).
 */
@SpringBootTest(classes = GoferApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	/** The admin token of the servers that tests start. */
	public static final String ADMIN_TOKEN = "test-admin-token-0123456789";

	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	protected int port;

	protected ApiClient api;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("gofer.data-dir", DATA_DIR::toString);
		registry.add("gofer.object-store.max-object-size", () -> "1MB");
		registry.add("gofer.auth.admin-token", () -> ADMIN_TOKEN);
		// Jobs are driven by the tests that need them, with a fixed clock.
		registry.add("gofer.retention.enabled", () -> "false");
		// The usage gauges count on every scrape, so that tests see them move at once.
		registry.add("gofer.metrics.usage-refresh", () -> "0s");
	}

	@BeforeEach
	void connect() {
		this.api = ApiClient.onPort(this.port);
	}

	/**
	 * A name no other test uses, so tests sharing the context cannot see each other's
	 * objects.
	 */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static Path createDataDir() {
		try {
			return Files.createTempDirectory("gofer-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
