package dev.gofer.objectstore.cli;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** An object's metadata as the server describes it ({@code Object} in the contract). */
record ObjectInfo(String key, long created, long size, String sha256, String contentType) {

	static ObjectInfo of(Map<String, @Nullable Object> json) {
		return new ObjectInfo(Json.string(json, "key"), Json.number(json, "created"), Json.number(json, "size"),
				Json.string(json, "sha256"), Json.string(json, "content_type"));
	}

}
