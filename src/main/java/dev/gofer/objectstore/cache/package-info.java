/**
 * What every build tool's cache protocol shares: entries as pipeline objects
 * ({@link dev.gofer.objectstore.cache.CacheStore}), the defaults of pipelines a cache
 * creates ({@link dev.gofer.objectstore.cache.CacheProperties}), the error answers and
 * the metrics. Protocols import this package; it imports no protocol.
 */
@NullMarked
package dev.gofer.objectstore.cache;

import org.jspecify.annotations.NullMarked;
