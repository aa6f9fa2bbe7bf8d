package dev.gofer.objectstore.cli;

import picocli.CommandLine.Parameters;

/** Deletes one object. */
abstract class ObjectDeleteCommand extends ObjectCommand {

	@Parameters(index = "1", paramLabel = "KEY", description = "The object's key.")
	String key = "";

	@Override
	void execute(GoferClient client, Invocation invocation) {
		ObjectScope scope = scope(client, invocation);
		client.call("DELETE", scope.objectPath(this.key));
		invocation.out().println("Deleted '" + this.key + "' from " + scope);
	}

}
