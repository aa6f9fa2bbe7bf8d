package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token",
		description = {
				"Create a run token: it may read and write one run's objects and read the "
						+ "pipeline's objects and runs, which is what a CI container should hold.",
				"Needs the admin token or a token with the mint action on the pipeline." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer run token simple_pipeline --run 42", "  docker run -e GOFER_RUN_ID=42 \\",
				"      -e GOFER_TOKEN=$(gofer run token simple_pipeline --run 42 --output plain) ..." })
class RunTokenCommand extends ClientCommand {

	@Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
	String pipeline = "";

	@Mixin
	RunOption run = new RunOption();

	@Option(names = "--expires-in", paramLabel = "SECONDS",
			description = "Lifetime in seconds (default: the server's run token lifetime, 24 hours).")
	@Nullable Long expiresIn;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		String namespace = client.settings().namespace();
		long runId = this.run.resolve(client, invocation, this.pipeline);
		String body = this.expiresIn != null ? "{\"expires_in_seconds\":" + this.expiresIn + "}" : "{}";
		GoferClient.Reply reply = client.call("POST", ApiPaths.run(namespace, this.pipeline, runId) + "/tokens", body);
		TokenInfo.printCreated(reply, this.output.format(invocation), invocation);
	}

}
