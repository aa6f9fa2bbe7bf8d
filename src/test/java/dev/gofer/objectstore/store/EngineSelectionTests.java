package dev.gofer.objectstore.store;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import dev.gofer.objectstore.catalog.sqlite.WriteGate;
import dev.gofer.objectstore.support.S3Server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code gofer.object-store.engine} selects exactly one engine, and says so when it
 * cannot.
 */
class EngineSelectionTests {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.withUserConfiguration(StoreConfigurations.class)
			.withBean(WriteGate.class, WriteGate::open)
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.dataDir.resolve("catalog.db"));
	}

	@Test
	void noEngineSelectsTheDatabaseEngine() {
		runner().run(context -> {
			assertThat(context).hasSingleBean(ObjectStore.class).hasSingleBean(ObjectStoreHealthIndicator.class);
			assertThat(context.getBean(ObjectStore.class).engine()).isEqualTo(Engine.DATABASE);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "database", "sqlite", "SQLite", " Database " })
	void databaseAndGofersSqliteNameSelectTheDatabaseEngine(String value) {
		runner().withPropertyValues("gofer.object-store.engine=" + value).run(context -> {
			assertThat(context).hasSingleBean(ObjectStore.class);
			assertThat(context.getBean(ObjectStore.class).engine()).isEqualTo(Engine.DATABASE);
		});
	}

	@Test
	void unknownEngineFailsStartupListingTheValidValues() {
		runner().withPropertyValues("gofer.object-store.engine=floppy").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("Unknown object store engine 'floppy'")
				.hasMessageContaining("valid values are database (or sqlite), filesystem, s3");
		});
	}

	@Test
	void filesystemSelectsTheFilesystemEngineInItsDirectory() {
		runner()
			.withPropertyValues("gofer.object-store.engine=filesystem",
					"gofer.object-store.filesystem.path=" + this.dataDir.resolve("files"))
			.run(context -> {
				assertThat(context).hasSingleBean(ObjectStore.class);
				assertThat(context.getBean(ObjectStore.class).engine()).isEqualTo(Engine.FILESYSTEM);
				assertThat(this.dataDir.resolve("files")).isDirectory();
			});
	}

	@Test
	void s3SelectsTheS3EngineAndChecksTheBucket() {
		runner().withPropertyValues(S3Server.engineProperties().toArray(String[]::new)).run(context -> {
			assertThat(context).hasSingleBean(ObjectStore.class);
			assertThat(context.getBean(ObjectStore.class).engine()).isEqualTo(Engine.S3);
		});
	}

	@Test
	void s3WithoutABucketFailsStartupSayingSo() {
		runner().withPropertyValues("gofer.object-store.engine=s3").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(
					"gofer.object-store.s3.bucket is required when gofer.object-store.engine is s3");
		});
	}

	@Test
	void s3WithAMissingBucketFailsStartupNamingIt() {
		runner()
			.withPropertyValues("gofer.object-store.engine=s3", "gofer.object-store.s3.bucket=no-such-bucket",
					"gofer.object-store.s3.endpoint=" + S3Server.endpoint(), "gofer.object-store.s3.path-style=true",
					"gofer.object-store.s3.access-key=" + S3Server.ACCESS_KEY,
					"gofer.object-store.s3.secret-key=" + S3Server.SECRET_KEY)
			.run(context -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasStackTraceContaining("The S3 bucket 'no-such-bucket' is not reachable");
			});
	}

	@Test
	void inlineThresholdOverOneMegabyteFailsStartupSayingSo() {
		runner().withPropertyValues("gofer.object-store.inline-threshold=2MB").run(context -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("gofer.object-store.inline-threshold must be between 0 and 1MB");
		});
	}

	@Test
	void parseNamesTheValidValues() {
		assertThat(Engine.parse("sqlite")).isEqualTo(Engine.DATABASE);
		assertThatIllegalArgumentException().isThrownBy(() -> Engine.parse("s4"))
			.withMessage("Unknown object store engine 's4'; valid values are database (or sqlite), filesystem, s3");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ObjectStoreProperties.class)
	@ComponentScan(basePackageClasses = ObjectStore.class)
	static class StoreConfigurations {

	}

}
