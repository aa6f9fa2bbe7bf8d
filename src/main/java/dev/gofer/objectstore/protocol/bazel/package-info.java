/**
 * Bazel's HTTP remote cache
 * ({@code --remote_cache=http://HOST/cache/bazel/{ns}/{pipeline}}): the action cache
 * under {@code ac/} and the content-addressed store under {@code cas/}, each entry a
 * pipeline object {@code ac.<sha256>} or {@code cas.<sha256>}.
 */
@NullMarked
package dev.gofer.objectstore.protocol.bazel;

import org.jspecify.annotations.NullMarked;
