package dev.gofer.objectstore.cli;

import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show a pipeline's limits (its own, else the server's defaults) and usage.",
		footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline get my-pipeline", "  gofer pipeline get my-pipeline --output json" })
class PipelineGetCommand extends ClientCommand {

	@Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
	String pipeline = "";

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		OutputFormat format = this.output.format(invocation);
		print(client.call("GET", ApiPaths.pipeline(client.settings().namespace(), this.pipeline)), format, invocation);
	}

	/**
	 * Prints a pipeline answer: a two-column table, the server's JSON, or
	 * {@code name=value} lines.
	 */
	static void print(GoferClient.Reply reply, OutputFormat format, Invocation invocation) {
		if (format == OutputFormat.JSON) {
			invocation.out().println(reply.body().strip());
			return;
		}
		PipelineInfo pipeline = PipelineInfo.of(Json.object(reply.json(), "pipeline"));
		if (format == OutputFormat.PLAIN) {
			pipeline.fields().forEach((name, value) -> invocation.out().println(name + "=" + value));
			return;
		}
		Map<String, String> fields = pipeline.fields();
		fields.put("bytes", withSize(pipeline.bytes()));
		if (pipeline.byteLimit() != null) {
			fields.put("byte_limit", withSize(pipeline.byteLimit()));
		}
		Table table = new Table("FIELD", "VALUE");
		fields.forEach((name, value) -> table.row(name, value));
		table.print(invocation.out());
	}

	private static String withSize(long bytes) {
		return bytes + " (" + Units.size(bytes) + ")";
	}

}
