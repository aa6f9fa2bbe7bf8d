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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@code gofer.object-store.engine} selects exactly one engine, and says so when it cannot. */
class EngineSelectionTests {

	@TempDir
	Path dataDir;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.withUserConfiguration(StoreConfigurations.class)
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
				.hasMessageContaining("valid values are database (or sqlite)");
		});
	}

	@Test
	void parseNamesTheValidValues() {
		assertThat(Engine.parse("sqlite")).isEqualTo(Engine.DATABASE);
		assertThatIllegalArgumentException().isThrownBy(() -> Engine.parse("s4"))
			.withMessage("Unknown object store engine 's4'; valid values are database (or sqlite)");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ObjectStoreProperties.class)
	@ComponentScan(basePackageClasses = ObjectStore.class)
	static class StoreConfigurations {

	}

}
