package dev.gofer.objectstore.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tunes a SQLite catalog before its pool opens a connection: WAL so that readers never wait for
 * the writer, a busy timeout ({@code gofer.catalog.busy-timeout}) so that writers queue instead of
 * failing at once, immediate transactions so
 * that a transaction takes the write lock at its start (a read that later upgrades to a write can
 * fail with SQLITE_BUSY without waiting), and FULL sync so that an acknowledged write survives a
 * power cut. It also creates the database file's directory.
 */
@Component
class SqliteDataSourcePostProcessor implements BeanPostProcessor {

	private static final String PREFIX = "jdbc:sqlite:";

	private final Environment environment;

	SqliteDataSourcePostProcessor(Environment environment) {
		this.environment = environment;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
				&& dataSource.getJdbcUrl().startsWith(PREFIX)) {
			createDirectory(dataSource.getJdbcUrl());
			dataSource.addDataSourceProperty("journal_mode", "WAL");
			dataSource.addDataSourceProperty("synchronous", "FULL");
			dataSource.addDataSourceProperty("busy_timeout", String.valueOf(busyTimeout().toMillis()));
			dataSource.addDataSourceProperty("transaction_mode", "IMMEDIATE");
			dataSource.addDataSourceProperty("foreign_keys", "true");
		}
		return bean;
	}

	/**
	 * Read through the binder rather than injected: a post-processor of the data source is
	 * created before configuration-properties beans are.
	 */
	private Duration busyTimeout() {
		return Binder.get(this.environment)
			.bind("gofer.catalog", CatalogProperties.class)
			.map(CatalogProperties::busyTimeout)
			.orElse(Duration.ofSeconds(10));
	}

	private static void createDirectory(String url) {
		String file = url.substring(PREFIX.length());
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
