package dev.gofer.objectstore.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gofer.catalog.*}.
 *
 * @param busyTimeout With SQLite, how long a write waits for another writer (or another
 * process holding the file) before the request fails with 503.
 */
@ConfigurationProperties("gofer.catalog")
public record CatalogProperties(@DefaultValue("10s") Duration busyTimeout) {

}
