@NullMarked
package dev.gofer.objectstore.store.filesystem;

import org.jspecify.annotations.NullMarked;
