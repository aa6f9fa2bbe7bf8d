@NullMarked
package dev.gofer.objectstore.error;

import org.jspecify.annotations.NullMarked;
