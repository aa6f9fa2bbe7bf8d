package dev.gofer.objectstore.protocol.gofer;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of a delete by prefix. */
@Schema(name = "DeletedObjects")
record DeletedObjectsResponse(@Schema(description = "How many objects were deleted") long deleted) {

}
