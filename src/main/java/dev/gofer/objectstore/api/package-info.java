@NullMarked
package dev.gofer.objectstore.api;

import org.jspecify.annotations.NullMarked;
