package dev.gofer.objectstore.catalog;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the catalog writes: on SQLite, one writer of this process at a time ({@link WriteGate})
 * and group commit ({@link GroupSync}); on PostgreSQL, neither, since its row locks and its own
 * grouping of WAL flushes do both jobs.
 */
@Configuration(proxyBeanMethods = false)
class CatalogWriteConfiguration {

	@Bean
	WriteGate catalogWriteGate(DataSource dataSource, CatalogProperties properties) {
		return SqliteCatalog.url(dataSource) != null ? WriteGate.serializing(properties.busyTimeout()) : WriteGate.open();
	}

	@Bean
	CatalogTransactionManager transactionManager(DataSource dataSource, WriteGate gate, CatalogProperties properties,
			MeterRegistry meters) {
		String url = SqliteCatalog.url(dataSource);
		if (url == null) {
			return new CatalogTransactionManager(dataSource, gate, null, null);
		}
		SqliteWalSync sync = new SqliteWalSync(url, properties.busyTimeout());
		return new CatalogTransactionManager(dataSource, gate, new GroupSync(sync, meters), sync);
	}

}
