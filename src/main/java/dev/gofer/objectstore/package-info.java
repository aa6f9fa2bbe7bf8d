/**
 * Gofer Object Store: pipeline, run and extension objects for CI/CD, over HTTP.
 */
@NullMarked
package dev.gofer.objectstore;

import org.jspecify.annotations.NullMarked;
