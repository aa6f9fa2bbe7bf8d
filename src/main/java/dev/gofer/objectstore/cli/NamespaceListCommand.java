package dev.gofer.objectstore.cli;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list",
		description = { "List the namespaces with their pipelines, objects and bytes (pipeline objects only).",
				"A scoped token sees only the namespaces and pipelines its globs reach." },
		footerHeading = "%nExamples:%n", footer = { "  gofer namespace list", "  gofer namespace list --output json" })
class NamespaceListCommand extends ClientCommand {

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		GoferClient.Reply reply = client.call("GET", "/api/namespaces");
		OutputFormat format = this.output.format(invocation);
		if (format == OutputFormat.JSON) {
			invocation.out().println(reply.body().strip());
			return;
		}
		List<Map<String, @Nullable Object>> namespaces = Json.objects(reply.json(), "namespaces");
		if (format == OutputFormat.PLAIN) {
			for (Map<String, @Nullable Object> namespace : namespaces) {
				invocation.out().println(Json.string(namespace, "namespace_id"));
			}
			return;
		}
		Table table = new Table("NAMESPACE", "PIPELINES", "OBJECTS", "SIZE");
		for (Map<String, @Nullable Object> namespace : namespaces) {
			table.row(Json.string(namespace, "namespace_id"), Long.toString(Json.number(namespace, "pipeline_count")),
					Long.toString(Json.number(namespace, "object_count")), Units.size(Json.number(namespace, "bytes")));
		}
		table.print(invocation.out());
	}

}
