/**
 * The web console at {@code /console}: static pages and scripts from the jar, with the
 * headers that keep them safe. The pages load without a token; the data they show comes
 * from the Gofer API, called with the token the user signs in with.
 */
@NullMarked
package dev.gofer.objectstore.protocol.console;

import org.jspecify.annotations.NullMarked;
