package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Deletes one object, or every object whose key starts with a prefix. */
abstract class ObjectDeleteCommand extends ObjectCommand {

	@Parameters(index = "1", arity = "0..1", paramLabel = "KEY",
			description = "The object's key; or give --prefix instead.")
	@Nullable String key;

	@Option(names = "--prefix", paramLabel = "PREFIX",
			description = "Delete every object whose key starts with PREFIX (not empty), instead of one KEY.")
	@Nullable String prefix;

	@Option(names = { "-y", "--yes" },
			description = "Delete by prefix without asking first. Without it, --prefix asks for confirmation on "
					+ "a terminal and refuses when stdin is not one.")
	boolean yes;

	@Override
	void execute(GoferClient client, Invocation invocation) {
		String key = this.key;
		String prefix = this.prefix;
		if ((key == null) == (prefix == null)) {
			throw new CliException(ExitCode.USAGE, "Give either KEY or --prefix PREFIX");
		}
		ObjectScope scope = scope(client, invocation);
		if (key != null) {
			client.call("DELETE", scope.objectPath(key));
			invocation.out().println("Deleted '" + key + "' from " + scope);
			return;
		}
		if (prefix == null || prefix.isEmpty()) {
			throw new CliException(ExitCode.USAGE, "--prefix may not be empty: there is no delete-all");
		}
		Confirmation.require(invocation, this.yes,
				"Delete every object whose key starts with '" + prefix + "' from " + scope + "?");
		GoferClient.Reply reply = client.call("DELETE", scope.objectsPath() + "?prefix=" + ApiPaths.encode(prefix));
		long deleted = Json.number(reply.json(), "deleted");
		invocation.out()
			.println("Deleted " + deleted + (deleted == 1 ? " object" : " objects") + " whose key starts with '"
					+ prefix + "' from " + scope);
	}

}
