@NullMarked
package dev.gofer.objectstore.config;

import org.jspecify.annotations.NullMarked;
