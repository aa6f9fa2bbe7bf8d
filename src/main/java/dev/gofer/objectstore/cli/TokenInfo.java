package dev.gofer.objectstore.cli;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A token as the server describes it; the secret only right after creation. */
record TokenInfo(String id, @Nullable String secret, List<String> namespaces, List<String> pipelines,
		List<String> actions, @Nullable Long runId, long created, @Nullable Long expires, String description) {

	static TokenInfo of(Map<String, @Nullable Object> token) {
		Object secret = token.get("secret");
		return new TokenInfo(Json.string(token, "id"), secret instanceof String text ? text : null,
				strings(token, "namespaces"), strings(token, "pipelines"), strings(token, "actions"),
				Json.optionalNumber(token, "run_id"), Json.number(token, "created"),
				Json.optionalNumber(token, "expires"), Json.string(token, "description"));
	}

	private static List<String> strings(Map<String, @Nullable Object> token, String name) {
		return token.get(name) instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

	/** The token as a table, without its secret. */
	static void printTable(List<TokenInfo> tokens, Invocation invocation) {
		Table table = new Table("ID", "NAMESPACES", "PIPELINES", "ACTIONS", "RUN", "EXPIRES", "DESCRIPTION");
		for (TokenInfo token : tokens) {
			table.row(token.id(), String.join(",", token.namespaces()), String.join(",", token.pipelines()),
					String.join(",", token.actions()), token.runId() == null ? "-" : String.valueOf(token.runId()),
					token.expires() == null ? "never" : Units.localTime(token.expires(), ZoneId.systemDefault()),
					token.description());
		}
		table.print(invocation.out());
	}

	/**
	 * Prints a created token: its secret alone for plain output, so scripts can capture
	 * it.
	 */
	static void printCreated(GoferClient.Reply reply, OutputFormat format, Invocation invocation) {
		TokenInfo token = of(Json.object(reply.json(), "token"));
		switch (format) {
			case JSON -> invocation.out().println(reply.body().strip());
			case PLAIN -> invocation.out().println(token.secret());
			case TABLE -> {
				printTable(List.of(token), invocation);
				invocation.out().println();
				invocation.out().println("Secret (shown only now): " + token.secret());
			}
		}
	}

}
