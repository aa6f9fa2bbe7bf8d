/**
 * The {@code gofer} command-line client: picocli commands that talk to the object store
 * over plain HTTP. Nothing here may touch Spring, so that the client starts in a fraction
 * of a second.
 */
@NullMarked
package dev.gofer.objectstore.cli;

import org.jspecify.annotations.NullMarked;
