package dev.gofer.objectstore.protocol.gofer;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Glob;
import dev.gofer.objectstore.auth.IssuedToken;
import dev.gofer.objectstore.auth.Token;

/** Token responses. The secret appears only in the response that created the token. */
final class TokenResponse {

	private TokenResponse() {
	}

	@Schema(name = "Token", description = "An API token; `secret` is present only when it was just created")
	@JsonInclude(JsonInclude.Include.NON_ABSENT)
	record Body(@Schema(description = "Identifies the token, to revoke it") String id,
			@Schema(description = "The bearer secret; shown once, stored only as a hash",
					nullable = true) @Nullable String secret,
			@Schema(description = "Globs of the namespaces the token reaches") List<String> namespaces,
			@Schema(description = "Globs of the pipelines the token reaches") List<String> pipelines,
			@Schema(description = "read, write, delete, mint") List<String> actions,
			@Schema(description = "For a run token, the one run it may write to",
					nullable = true) @JsonProperty("run_id") @Nullable Long runId,
			@Schema(description = "Epoch milliseconds") long created,
			@Schema(description = "Epoch milliseconds; null when it never expires",
					nullable = true) @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Long expires,
			String description) {

		static Body of(Token token, @Nullable String secret) {
			return new Body(token.id(), secret, token.namespaces().stream().map(Glob::text).toList(),
					token.pipelines().stream().map(Glob::text).toList(),
					token.actions().stream().sorted().map(Action::value).toList(), token.runId(), token.created(),
					token.expires(), token.description());
		}

	}

	@Schema(name = "TokenResult")
	record One(Body token) {

		static One of(IssuedToken issued) {
			return new One(Body.of(issued.token(), issued.secret()));
		}

	}

	@Schema(name = "TokenList")
	record Many(List<Body> tokens) {

	}

}
