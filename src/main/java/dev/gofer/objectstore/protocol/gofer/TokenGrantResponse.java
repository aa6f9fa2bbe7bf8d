package dev.gofer.objectstore.protocol.gofer;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.gofer.objectstore.auth.Action;
import dev.gofer.objectstore.auth.Caller;
import dev.gofer.objectstore.auth.Glob;
import dev.gofer.objectstore.auth.Token;

/** What the token of a request may do, for clients (the console) to offer only that. */
@Schema(name = "TokenGrantResult")
record TokenGrantResponse(Grant token) {

	static TokenGrantResponse of(Caller caller) {
		return new TokenGrantResponse(switch (caller) {
			case Caller.Admin admin -> new Grant(true, null, List.of("*"), List.of("*"),
					Arrays.stream(Action.values()).map(Action::value).toList(), null, null,
					"The admin token: every action everywhere, and token management");
			case Caller.Holder holder -> Grant.of(holder.token());
		});
	}

	@Schema(name = "TokenGrant", description = "A token's scope and actions, without its secret")
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Grant(
			@Schema(description = "True for the admin token (or when authentication is off): it may do "
					+ "everything, token management included") boolean admin,
			@Schema(description = "The token's id; null for the admin token", nullable = true) @Nullable String id,
			@Schema(description = "Globs of the namespaces the token reaches") List<String> namespaces,
			@Schema(description = "Globs of the pipelines the token reaches") List<String> pipelines,
			@Schema(description = "read, write, delete, mint") List<String> actions,
			@Schema(description = "For a run token, the one run it may write to; it may only read the pipeline",
					nullable = true) @JsonProperty("run_id") @Nullable Long runId,
			@Schema(description = "Epoch milliseconds; null when it never expires",
					nullable = true) @Nullable Long expires,
			String description) {

		static Grant of(Token token) {
			return new Grant(false, token.id(), token.namespaces().stream().map(Glob::text).toList(),
					token.pipelines().stream().map(Glob::text).toList(),
					token.actions().stream().sorted().map(Action::value).toList(), token.runId(), token.expires(),
					token.description());
		}

	}

}
