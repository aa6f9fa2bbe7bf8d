package dev.gofer.objectstore.catalog.sqlite;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.gofer.objectstore.catalog.CatalogProperties;

/**
 * How the catalog writes: on SQLite, one writer of this process at a time
 * ({@link WriteGate}), group commit ({@link GroupSync}) and the commits of uploads in
 * batches ({@link CommitBatcher}); on PostgreSQL, none of them, since its row locks and
 * its own grouping of WAL flushes do the job.
 */
@Configuration(proxyBeanMethods = false)
class CatalogWriteConfiguration {

	@Bean
	WriteGate catalogWriteGate(DataSource dataSource, CatalogProperties properties) {
		return SqliteCatalog.url(dataSource) != null ? WriteGate.serializing(properties.busyTimeout())
				: WriteGate.open();
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

	@Bean
	CommitBatcher commitBatcher(DataSource dataSource, CatalogTransactionManager transactions,
			CatalogProperties properties, MeterRegistry meters) {
		return SqliteCatalog.url(dataSource) != null
				? CommitBatcher.batching(transactions, properties.busyTimeout(), meters) : CommitBatcher.direct();
	}

}
