package dev.gofer.objectstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * The catalog and engine combinations that the HTTP suites run on besides the default
 * (SQLite catalog, database engine). A suite runs on another combination by a subclass
 * that carries one of these annotations; all suites with the same annotation share one
 * application context.
 */
public final class EngineCombinations {

	private EngineCombinations() {
	}

	/** SQLite catalog, bytes as files. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Inherited
	@ContextConfiguration(initializers = Filesystem.class)
	public @interface OnFilesystem {

	}

	/** PostgreSQL catalog, bytes in PostgreSQL. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Inherited
	@ContextConfiguration(initializers = Postgres.class)
	public @interface OnPostgres {

	}

	/** PostgreSQL catalog, bytes in S3: the several-replica set-up. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Inherited
	@ContextConfiguration(initializers = PostgresAndS3.class)
	public @interface OnPostgresAndS3 {

	}

	static class Filesystem implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Path directory = temporaryDirectory();
			TestPropertyValues
				.of("gofer.object-store.engine=filesystem",
						"gofer.object-store.filesystem.path=" + directory.resolve("objects"),
						"spring.datasource.url=jdbc:sqlite:" + directory.resolve("gofer.db"))
				.applyTo(context);
		}

	}

	static class Postgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.datasource.url=" + PostgresServer.newDatabase()).applyTo(context);
		}

	}

	static class PostgresAndS3 implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			List<String> properties = new ArrayList<>(S3Server.engineProperties());
			properties.add("spring.datasource.url=" + PostgresServer.newDatabase());
			TestPropertyValues.of(properties).applyTo(context);
		}

	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("gofer-combination");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
