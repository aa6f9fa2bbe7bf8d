@NullMarked
package dev.gofer.objectstore.store.database;

import org.jspecify.annotations.NullMarked;
