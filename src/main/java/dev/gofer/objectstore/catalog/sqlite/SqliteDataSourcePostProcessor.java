package dev.gofer.objectstore.catalog.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.gofer.objectstore.catalog.CatalogProperties;

/**
 * Tunes a SQLite catalog before its pool opens a connection
 * ({@link SqliteCatalog#poolDataSource}, with the busy timeout
 * {@code gofer.catalog.busy-timeout}), with NORMAL sync: commits append to the
 * write-ahead log without syncing it, and {@link CatalogTransactionManager} syncs it once
 * for a group of commits before any of them is acknowledged, so that an acknowledged
 * write still survives a power cut. Connections leave checkpoints to
 * {@link SqliteCheckpointer}, keep their compiled statements and survive a transaction
 * that cannot begin ({@link SqliteConnectionDataSource}). It also creates the database
 * file's directory.
 */
@Component
class SqliteDataSourcePostProcessor implements BeanPostProcessor {

	/**
	 * More than the service's distinct statements, so that the hot ones stay compiled.
	 */
	private static final int STATEMENTS_PER_CONNECTION = 128;

	private final Environment environment;

	SqliteDataSourcePostProcessor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		String url = SqliteCatalog.url(bean);
		if (url != null) {
			createDirectory(url);
			SQLiteDataSource sqlite = SqliteCatalog.poolDataSource(url, busyTimeout());
			HikariDataSource dataSource = (HikariDataSource) bean;
			// The pool keeps the URL for those who read it, and opens connections through
			// this.
			dataSource.setDataSource(new SqliteConnectionDataSource(sqlite, STATEMENTS_PER_CONNECTION));
		}
		return bean;
	}

	/**
	 * Read through the binder rather than injected: a post-processor of the data source
	 * is created before configuration-properties beans are.
	 */
	private Duration busyTimeout() {
		return Binder.get(this.environment)
			.bind("gofer.catalog", CatalogProperties.class)
			.map(CatalogProperties::busyTimeout)
			.orElse(Duration.ofSeconds(10));
	}

	private static void createDirectory(String url) {
		String file = url.substring(SqliteCatalog.URL_PREFIX.length());
		int query = file.indexOf('?');
		if (query >= 0) {
			file = file.substring(0, query);
		}
		if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
			return;
		}
		Path parent = Path.of(file).toAbsolutePath().getParent();
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the directory of the SQLite catalog", ex);
		}
	}

}
