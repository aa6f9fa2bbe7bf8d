package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "start",
		description = {
				"Register a run of a pipeline: the next one (the highest so far plus one), "
						+ "or the one --run names.",
				"Registering run N expires the objects of runs up to N - run_object_expiry." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer run start simple_pipeline",
				"  export GOFER_RUN_ID=$(gofer run start simple_pipeline --output plain)",
				"  gofer run start simple_pipeline --run 42" })
class RunStartCommand extends ClientCommand {

	@Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
	String pipeline = "";

	@Option(names = { "-r", "--run" }, paramLabel = "RUN_ID",
			description = "Register this run instead of the next; registering a known run changes nothing. "
					+ "GOFER_RUN_ID is not used here.")
	@Nullable Long run;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		OutputFormat format = this.output.format(invocation);
		String namespace = client.settings().namespace();
		GoferClient.Reply reply = (this.run == null) ? client.call("POST", ApiPaths.runs(namespace, this.pipeline))
				: client.call("PUT", ApiPaths.run(namespace, this.pipeline, this.run));
		RunInfo run = RunInfo.of(Json.object(reply.json(), "run"));
		switch (format) {
			case JSON -> invocation.out().println(reply.body().strip());
			case PLAIN -> invocation.out().println(run.runId());
			case TABLE -> invocation.out()
				.println(((reply.status() == 201) ? "Started run " : "Already registered: run ") + run.runId()
						+ " of pipeline " + namespace + "/" + this.pipeline);
		}
	}

}
