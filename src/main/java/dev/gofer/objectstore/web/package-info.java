@NullMarked
package dev.gofer.objectstore.web;

import org.jspecify.annotations.NullMarked;
