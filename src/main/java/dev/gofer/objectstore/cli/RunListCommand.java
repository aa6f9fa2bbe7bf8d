package dev.gofer.objectstore.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", description = "List a pipeline's registered runs, newest first.",
		footerHeading = "%nExamples:%n",
		footer = { "  gofer run list simple_pipeline", "  gofer run list simple_pipeline --output plain | head -n 1" })
class RunListCommand extends ClientCommand {

	@Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
	String pipeline = "";

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		OutputFormat format = this.output.format(invocation);
		GoferClient.Reply reply = client.call("GET", ApiPaths.runs(client.settings().namespace(), this.pipeline));
		if (format == OutputFormat.JSON) {
			invocation.out().println(reply.body().strip());
			return;
		}
		List<RunInfo> runs = Json.objects(reply.json(), "runs").stream().map(RunInfo::of).toList();
		if (format == OutputFormat.PLAIN) {
			runs.forEach((run) -> invocation.out().println(run.runId()));
			return;
		}
		Instant now = Instant.now();
		ZoneId zone = ZoneId.systemDefault();
		Table table = new Table("RUN", "STARTED", "AGE", "OBJECTS");
		for (RunInfo run : runs) {
			table.row(Long.toString(run.runId()), Units.localTime(run.started(), zone), Units.age(run.started(), now),
					run.objectsExpired() ? "expired" : "kept");
		}
		table.print(invocation.out());
	}

}
