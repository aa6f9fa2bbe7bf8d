@NullMarked
package dev.gofer.objectstore.catalog.sqlite;

import org.jspecify.annotations.NullMarked;
