package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", description = "Revoke a token at once (needs the admin token).",
		footerHeading = "%nExamples:%n", footer = { "  gofer token delete 3f2a9c0d1e4b5a67" })
class TokenDeleteCommand extends ClientCommand {

	@Parameters(index = "0", paramLabel = "ID", description = "The token's id, as `gofer token list` shows it.")
	String id = "";

	@Override
	void execute(GoferClient client, Invocation invocation) {
		client.call("DELETE", "/api/tokens/" + ApiPaths.encode(this.id));
		invocation.err().println("Revoked token " + this.id);
	}

}
