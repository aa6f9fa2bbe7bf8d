package dev.gofer.objectstore.cache;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import dev.gofer.objectstore.catalog.CacheDefaults;
import dev.gofer.objectstore.catalog.Eviction;

/**
 * {@code gofer.cache.*}: the defaults of a pipeline first written through a cache
 * protocol. A pipeline's own settings ({@code PATCH …/pipelines/{p}}) override them;
 * changing one here applies to every such pipeline that has no setting of its own.
 *
 * @param objectLimit the most entries such a pipeline keeps
 * @param byteLimit the most bytes of entries such a pipeline keeps
 * @param eviction which entries go first when such a pipeline is full: {@code lru} (the
 * least recently read or written) or {@code oldest}
 */
@Validated
@ConfigurationProperties("gofer.cache")
public record CacheProperties(@DefaultValue("100000") @Min(1) int objectLimit, @DefaultValue("10GB") DataSize byteLimit,
		@DefaultValue("lru") Eviction eviction) implements CacheDefaults {

}
