package dev.gofer.objectstore.protocol.gofer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.gofer.objectstore.catalog.ObjectEntry;

/** An object's metadata, as listings and writes return it. */
@Schema(name = "ObjectMetadata", description = "An object's metadata: the contract's Object")
record ObjectResponse(@Schema(description = "The object's key within its scope", example = "my_key1") String key,
		@Schema(description = "When the current content was written, in epoch milliseconds") long created,
		@Schema(description = "Content length in bytes") long size,
		@Schema(description = "SHA-256 of the content, lowercase hex; the ETag is this value in quotes") String sha256,
		@Schema(description = "Media type given at upload",
				example = "application/octet-stream") @JsonProperty("content_type") String contentType) {

	static ObjectResponse of(ObjectEntry entry) {
		return new ObjectResponse(entry.key(), entry.created(), entry.size(), entry.sha256(), entry.contentType());
	}

}
