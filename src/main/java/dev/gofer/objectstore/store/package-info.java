@NullMarked
package dev.gofer.objectstore.store;

import org.jspecify.annotations.NullMarked;
