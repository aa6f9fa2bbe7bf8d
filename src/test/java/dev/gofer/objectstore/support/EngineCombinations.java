package dev.gofer.objectstore.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * For a suite on {@link IntegrationTest}'s Spring test context that needs the PostgreSQL
 * catalog besides the default SQLite one: a subclass with {@link OnPostgres}. The HTTP
 * suites that run on every catalog and engine use {@link OnEveryCombination} instead.
 */
public final class EngineCombinations {

	private EngineCombinations() {
	}

	/** PostgreSQL catalog, bytes in PostgreSQL. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Inherited
	@ContextConfiguration(initializers = Postgres.class)
	public @interface OnPostgres {

	}

	static class Postgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("spring.datasource.url=" + PostgresServer.newDatabase()).applyTo(context);
		}

	}

}
