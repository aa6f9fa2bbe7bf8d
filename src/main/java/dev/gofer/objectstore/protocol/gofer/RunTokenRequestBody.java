package dev.gofer.objectstore.protocol.gofer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The optional body of a run token request. */
@Schema(name = "RunTokenRequest")
record RunTokenRequestBody(
		@Schema(description = "Lifetime in seconds; default gofer.auth.run-token-lifetime (24 hours)",
				nullable = true) @JsonProperty("expires_in_seconds") @Nullable Long expiresInSeconds,
		@Schema(description = "What the token is for", nullable = true) @Nullable String description) {

}
