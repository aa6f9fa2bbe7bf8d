package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.gofer.objectstore.GoferApplication;

/**
 * The whole service on one {@link Combination}, on a random port: started the first time
 * a test of any suite needs that combination, shared by every suite after it, and stopped
 * when the test run ends (it lives in the root store of JUnit's extension context, which
 * closes it). As with {@link IntegrationTest}, tests share the server, so each works in
 * pipelines and extensions of its own.
 */
public final class CombinationServer implements AutoCloseable {

	private static final Namespace NAMESPACE = Namespace.create(CombinationServer.class);

	private final ConfigurableApplicationContext context;

	private CombinationServer(ConfigurableApplicationContext context) {
		this.context = context;
	}

	public int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public void close() {
		this.context.close();
	}

	static CombinationServer of(Combination combination, ExtensionContext extension) {
		return extension.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(combination, CombinationServer::start, CombinationServer.class);
	}

	private static CombinationServer start(Combination combination) {
		Path dataDir;
		try {
			dataDir = Files.createTempDirectory("gofer-" + combination.name().toLowerCase());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// What IntegrationTest's server has, on the combination's catalog and engine.
		List<String> properties = new ArrayList<>(List.of("server.port=0", "gofer.data-dir=" + dataDir,
				"gofer.object-store.max-object-size=1MB", "gofer.auth.admin-token=" + IntegrationTest.ADMIN_TOKEN,
				"gofer.retention.enabled=false", "gofer.metrics.usage-refresh=0s"));
		properties.addAll(combination.properties(dataDir));
		String[] args = properties.stream().map(property -> "--" + property).toArray(String[]::new);
		return new CombinationServer(new SpringApplicationBuilder(GoferApplication.class).run(args));
	}

	/** Connects each test of an {@link OnEveryCombination} suite to its server. */
	static final class Connect implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext extension) {
			OnEveryCombination suite = (OnEveryCombination) extension.getRequiredTestInstance();
			suite.connect(of(suite.combination, extension));
		}

	}

}
