package dev.gofer.objectstore.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog and engine combinations the HTTP suites run on: each catalog (SQLite,
 * PostgreSQL) with each engine (database, filesystem, s3).
 */
public enum Combination {

	SQLITE_DATABASE(Catalog.SQLITE, "database"), SQLITE_FILESYSTEM(Catalog.SQLITE, "filesystem"),
	SQLITE_S3(Catalog.SQLITE, "s3"), POSTGRES_DATABASE(Catalog.POSTGRES, "database"),
	POSTGRES_FILESYSTEM(Catalog.POSTGRES, "filesystem"), POSTGRES_S3(Catalog.POSTGRES, "s3");

	/** Where the catalog lives. */
	public enum Catalog {

		SQLITE("jdbc:sqlite:"), POSTGRES("jdbc:postgresql:");

		private final String urlPrefix;

		Catalog(String urlPrefix) {
			this.urlPrefix = urlPrefix;
		}

		/** How the JDBC URL of such a catalog starts. */
		public String urlPrefix() {
			return this.urlPrefix;
		}

	}

	private final Catalog catalog;

	private final String engine;

	Combination(Catalog catalog, String engine) {
		this.catalog = catalog;
		this.engine = engine;
	}

	public Catalog catalog() {
		return this.catalog;
	}

	/** The value of {@code gofer.object-store.engine}. */
	public String engine() {
		return this.engine;
	}

	/**
	 * The properties that put a server on this combination, with a new database, a new
	 * directory or a new bucket of its own under {@code dataDir}.
	 */
	List<String> properties(Path dataDir) {
		List<String> properties = new ArrayList<>();
		properties.add("spring.datasource.url=" + switch (this.catalog) {
			case SQLITE -> "jdbc:sqlite:" + dataDir.resolve("gofer.db");
			case POSTGRES -> PostgresServer.newDatabase();
		});
		switch (this.engine) {
			case "s3" -> properties.addAll(S3Server.engineProperties());
			case "filesystem" -> properties.addAll(List.of("gofer.object-store.engine=filesystem",
					"gofer.object-store.filesystem.path=" + dataDir.resolve("objects")));
			default -> properties.add("gofer.object-store.engine=database");
		}
		return properties;
	}

	@Override
	public String toString() {
		return (this.catalog == Catalog.SQLITE ? "SQLite" : "PostgreSQL") + " catalog, " + this.engine + " engine";
	}

}
