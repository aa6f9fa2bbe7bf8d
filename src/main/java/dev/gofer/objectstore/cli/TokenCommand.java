package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "token",
		description = { "API tokens (admin only): create, list and revoke them.",
				"A token reaches the namespaces and pipelines its globs match and may do its actions: "
						+ "read, write, delete, mint (create run tokens)." })
class TokenCommand {

}
