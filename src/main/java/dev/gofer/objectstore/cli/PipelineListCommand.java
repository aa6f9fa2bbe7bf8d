package dev.gofer.objectstore.cli;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list",
		description = { "List the namespace's pipelines with their usage and limits.",
				"A scoped token sees only the pipelines its globs reach." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline list", "  gofer pipeline list --sort bytes --limit 10   # the largest ten",
				"  gofer pipeline list --prefix app- --output plain" })
class PipelineListCommand extends ClientCommand {

	/** The server's sort orders. */
	enum Sort {

		ID, BYTES

	}

	@Option(names = "--sort", paramLabel = "ORDER",
			description = "id (default: by pipeline id) or bytes (largest first).")
	@Nullable Sort sort;

	@Option(names = "--prefix", paramLabel = "PREFIX", description = "Only pipelines whose id starts with PREFIX.")
	@Nullable String prefix;

	@Option(names = "--limit", paramLabel = "N", description = "At most N pipelines.")
	@Nullable Integer limit;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		GoferClient.Reply reply = client.call("GET",
				"/api/namespaces/" + ApiPaths.encode(client.settings().namespace()) + "/pipelines" + query());
		OutputFormat format = this.output.format(invocation);
		if (format == OutputFormat.JSON) {
			invocation.out().println(reply.body().strip());
			return;
		}
		List<PipelineInfo> pipelines = Json.objects(reply.json(), "pipelines").stream().map(PipelineInfo::of).toList();
		if (format == OutputFormat.PLAIN) {
			pipelines.forEach(pipeline -> invocation.out().println(pipeline.pipelineId()));
			return;
		}
		Table table = new Table("PIPELINE", "OBJECTS", "OBJECT_LIMIT", "SIZE", "BYTE_LIMIT", "EVICTION", "RUN_EXPIRY",
				"LATEST_RUN");
		for (PipelineInfo pipeline : pipelines) {
			table.row(pipeline.pipelineId(), Long.toString(pipeline.objectCount()),
					Long.toString(pipeline.objectLimit()), Units.size(pipeline.bytes()),
					pipeline.byteLimit() == null ? "none" : Units.size(pipeline.byteLimit()), pipeline.eviction(),
					Long.toString(pipeline.runObjectExpiry()),
					pipeline.latestRunId() == null ? "-" : Long.toString(pipeline.latestRunId()));
		}
		table.print(invocation.out());
	}

	private String query() {
		StringBuilder query = new StringBuilder();
		if (this.sort != null) {
			query.append("&sort=").append(this.sort.name().toLowerCase(Locale.ROOT));
		}
		if (this.prefix != null) {
			query.append("&prefix=").append(ApiPaths.encode(this.prefix));
		}
		if (this.limit != null) {
			query.append("&limit=").append(this.limit);
		}
		return query.isEmpty() ? "" : "?" + query.substring(1);
	}

}
