package dev.gofer.objectstore.catalog;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the catalog writes: on SQLite, one writer of this process at a time ({@link WriteGate})
 * and group commit ({@link GroupSync}); on PostgreSQL, neither, since its row locks and its own
 * grouping of WAL flushes do both jobs.
 */
@Configuration(proxyBeanMethods = false)
class CatalogWriteConfiguration {

	private static final String SQLITE = "jdbc:sqlite:";

	@Bean
	WriteGate catalogWriteGate(DataSource dataSource, CatalogProperties properties) {
		return sqliteUrl(dataSource) != null ? WriteGate.serializing(properties.busyTimeout()) : WriteGate.open();
	}

	@Bean
	CatalogTransactionManager transactionManager(DataSource dataSource, WriteGate gate, CatalogProperties properties,
			MeterRegistry meters) {
		String url = sqliteUrl(dataSource);
		if (url == null) {
			return new CatalogTransactionManager(dataSource, gate, null, null);
		}
		SqliteSyncMark mark = new SqliteSyncMark(url, properties.busyTimeout(), gate);
		return new CatalogTransactionManager(dataSource, gate, new GroupSync(mark, meters), mark);
	}

	static @Nullable String sqliteUrl(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith(SQLITE)) {
			return hikari.getJdbcUrl();
		}
		return null;
	}

}
