/**
 * Bearer tokens: who may call the API, and what each token may do.
 */
@NullMarked
package dev.gofer.objectstore.auth;

import org.jspecify.annotations.NullMarked;
