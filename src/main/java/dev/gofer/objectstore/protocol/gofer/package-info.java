@NullMarked
package dev.gofer.objectstore.protocol.gofer;

import org.jspecify.annotations.NullMarked;
