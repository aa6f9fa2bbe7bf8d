package dev.gofer.objectstore.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Lists the objects of a scope: a table, the server's JSON, or the keys alone. */
abstract class ObjectListCommand extends ObjectCommand {

	@Option(names = "--prefix", paramLabel = "PREFIX", description = "Only keys that start with PREFIX.")
	@Nullable String prefix;

	@Option(names = "--newest", description = "Newest first (default: oldest first).")
	boolean newest;

	@Option(names = "--limit", paramLabel = "N", description = "At most N objects.")
	@Nullable Integer limit;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		OutputFormat format = this.output.format(invocation);
		GoferClient.Reply reply = client.call("GET", scope(client, invocation).objectsPath() + query());
		if (format == OutputFormat.JSON) {
			invocation.out().println(reply.body().strip());
			return;
		}
		List<ObjectInfo> objects = Json.objects(reply.json(), "objects").stream().map(ObjectInfo::of).toList();
		if (format == OutputFormat.PLAIN) {
			objects.forEach((object) -> invocation.out().println(object.key()));
			return;
		}
		printTable(objects, invocation.out());
	}

	private String query() {
		StringBuilder query = new StringBuilder();
		if (this.prefix != null) {
			query.append("&prefix=").append(ApiPaths.encode(this.prefix));
		}
		if (this.newest) {
			query.append("&order=newest");
		}
		if (this.limit != null) {
			query.append("&limit=").append(this.limit);
		}
		return query.isEmpty() ? "" : "?" + query.substring(1);
	}

	private static void printTable(List<ObjectInfo> objects, PrintStream out) {
		Instant now = Instant.now();
		ZoneId zone = ZoneId.systemDefault();
		Table table = new Table("KEY", "SIZE", "CREATED", "AGE");
		for (ObjectInfo object : objects) {
			table.row(object.key(), Units.size(object.size()), Units.localTime(object.created(), zone),
					Units.age(object.created(), now));
		}
		table.print(out);
	}

}
