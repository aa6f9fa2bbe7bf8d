/**
 * Gradle's HTTP build cache ({@code url = "http://HOST/cache/gradle/{ns}/{pipeline}/"}):
 * each entry a pipeline object {@code gradle.<cache key>}.
 */
@NullMarked
package dev.gofer.objectstore.protocol.gradle;

import org.jspecify.annotations.NullMarked;
