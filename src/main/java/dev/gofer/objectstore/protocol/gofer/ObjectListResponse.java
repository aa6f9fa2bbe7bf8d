package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A listing of objects. */
@Schema(name = "ObjectList")
record ObjectListResponse(
		@Schema(description = "Objects, oldest first unless order=newest") List<ObjectResponse> objects) {

}
