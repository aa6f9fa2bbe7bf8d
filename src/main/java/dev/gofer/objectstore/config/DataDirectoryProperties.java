package dev.gofer.objectstore.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gofer.*} settings outside any feature.
 *
 * @param dataDir Where the service keeps its files: the SQLite catalog by default, and
 * the generated admin token.
 */
@ConfigurationProperties("gofer")
public record DataDirectoryProperties(@DefaultValue("./data") Path dataDir) {

}
