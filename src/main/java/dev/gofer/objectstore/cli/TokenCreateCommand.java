package dev.gofer.objectstore.cli;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", description = {
		"Create a token (needs the admin token).", "The secret is printed once; the server keeps only its hash." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer token create --namespaces default --pipelines 'web-*' --actions read,write",
				"  gofer token create --namespaces '*' --pipelines '*' --actions mint --description orchestrator",
				"  export GOFER_TOKEN=$(gofer token create --namespaces default --pipelines '*' --actions read \\",
				"      --expires-in 86400 --output plain)" })
class TokenCreateCommand extends ClientCommand {

	@Option(names = "--namespaces", required = true, split = ",", paramLabel = "GLOB",
			description = "Namespaces the token reaches (globs: * any run of characters, ? one).")
	List<String> namespaces = new ArrayList<>();

	@Option(names = "--pipelines", required = true, split = ",", paramLabel = "GLOB",
			description = "Pipelines the token reaches in those namespaces (globs).")
	List<String> pipelines = new ArrayList<>();

	@Option(names = "--actions", required = true, split = ",", paramLabel = "ACTION",
			description = "What it may do: read, write, delete, mint.")
	List<String> actions = new ArrayList<>();

	@Option(names = "--expires-in", paramLabel = "SECONDS",
			description = "Lifetime in seconds (default: never expires).")
	@Nullable Long expiresIn;

	@Option(names = "--description", paramLabel = "TEXT", description = "What the token is for.")
	@Nullable String description;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		String body = "{\"namespaces\":" + JsonText.strings(this.namespaces) + ",\"pipelines\":"
				+ JsonText.strings(this.pipelines) + ",\"actions\":" + JsonText.strings(this.actions)
				+ (this.expiresIn != null ? ",\"expires_in_seconds\":" + this.expiresIn : "")
				+ (this.description != null ? ",\"description\":" + JsonText.string(this.description) : "") + "}";
		GoferClient.Reply reply = client.call("POST", "/api/tokens", body);
		TokenInfo.printCreated(reply, this.output.format(invocation), invocation);
	}

}
