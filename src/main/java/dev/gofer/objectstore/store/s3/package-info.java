@NullMarked
package dev.gofer.objectstore.store.s3;

import org.jspecify.annotations.NullMarked;
