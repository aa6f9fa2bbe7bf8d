@NullMarked
package dev.gofer.objectstore.catalog;

import org.jspecify.annotations.NullMarked;
