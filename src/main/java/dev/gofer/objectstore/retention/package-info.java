@NullMarked
package dev.gofer.objectstore.retention;

import org.jspecify.annotations.NullMarked;
