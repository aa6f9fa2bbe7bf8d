package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The body of a token creation. */
@Schema(name = "TokenRequest")
record TokenRequestBody(
		@Schema(description = "Globs of namespaces, such as [\"*\"] or [\"team-*\"]",
				example = "[\"default\"]") @Nullable List<String> namespaces,
		@Schema(description = "Globs of pipelines within them", example = "[\"*\"]") @Nullable List<String> pipelines,
		@Schema(description = "Any of read, write, delete, mint",
				example = "[\"read\", \"write\"]") @Nullable List<String> actions,
		@Schema(description = "Lifetime in seconds; absent or null for a token that never expires",
				nullable = true) @JsonProperty("expires_in_seconds") @Nullable Long expiresInSeconds,
		@Schema(description = "What the token is for", nullable = true) @Nullable String description) {

}
