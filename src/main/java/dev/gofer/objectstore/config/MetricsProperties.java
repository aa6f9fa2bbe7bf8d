package dev.gofer.objectstore.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gofer.metrics.*}.
 *
 * @param usageRefresh How old the objects-and-bytes-stored gauges may be. Counting them
 * scans the catalog, so a scrape runs that query at most once in this time.
 */
@ConfigurationProperties("gofer.metrics")
public record MetricsProperties(@DefaultValue("1m") Duration usageRefresh) {

}
