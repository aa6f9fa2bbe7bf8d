package dev.gofer.objectstore.cli;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List tokens, without their secrets (needs the admin token).",
		footerHeading = "%nExamples:%n", footer = { "  gofer token list", "  gofer token list --output json" })
class TokenListCommand extends ClientCommand {

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		GoferClient.Reply reply = client.call("GET", "/api/tokens");
		switch (this.output.format(invocation)) {
			case JSON -> invocation.out().println(reply.body().strip());
			case PLAIN -> {
				for (Map<String, @Nullable Object> token : Json.objects(reply.json(), "tokens")) {
					invocation.out().println(Json.string(token, "id"));
				}
			}
			case TABLE -> TokenInfo
				.printTable(Json.objects(reply.json(), "tokens").stream().map(TokenInfo::of).toList(), invocation);
		}
	}

}
