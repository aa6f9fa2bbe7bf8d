package dev.gofer.objectstore.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gofer.catalog.last-use.*}: how reads' last uses reach the catalog, for LRU
 * eviction.
 *
 * @param flushInterval How often the last uses that reads recorded in memory are written
 * to the catalog: how far behind another replica's reads may be when this one evicts, and
 * how much recency a crash may lose.
 */
@ConfigurationProperties("gofer.catalog.last-use")
public record LastUseProperties(@DefaultValue("15s") Duration flushInterval) {

}
