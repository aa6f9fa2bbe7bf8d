package dev.gofer.objectstore.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update",
		description = {
				"Set a pipeline's own limits and eviction order; 'default' returns one to the server's default.",
				"Lowering a limit evicts or expires objects at once. A pipeline never written is created, "
						+ "so that limits can be set before the first object." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline update my-pipeline --object-limit 100",
				"  gofer pipeline update my-pipeline --byte-limit 2GB --run-object-expiry 10",
				"  gofer pipeline update my-pipeline --byte-limit default",
				"  gofer pipeline update my-pipeline --eviction lru" })
class PipelineUpdateCommand extends ClientCommand {

	private static final String DEFAULT = "default";

	@Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
	String pipeline = "";

	@Option(names = "--object-limit", paramLabel = "N|default", description = "Most pipeline objects kept.")
	@Nullable String objectLimit;

	@Option(names = "--byte-limit", paramLabel = "SIZE|default",
			description = "Most bytes of pipeline objects kept, such as 500MB or 2GB (binary units).")
	@Nullable String byteLimit;

	@Option(names = "--run-object-expiry", paramLabel = "N|default",
			description = "For how many runs a run's objects are kept.")
	@Nullable String runObjectExpiry;

	@Option(names = "--eviction", paramLabel = "lru|oldest|default",
			description = "Which objects go first when the pipeline is full: the least recently read or written "
					+ "(lru) or the oldest (oldest).")
	@Nullable String eviction;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		OutputFormat format = this.output.format(invocation);
		List<String> fields = new ArrayList<>();
		add(fields, "object_limit", this.objectLimit, false);
		add(fields, "byte_limit", this.byteLimit, true);
		add(fields, "run_object_expiry", this.runObjectExpiry, false);
		if (this.eviction != null) {
			fields.add("\"eviction\":" + eviction(this.eviction));
		}
		if (fields.isEmpty()) {
			throw new CliException(ExitCode.USAGE,
					"Give at least one of --object-limit, --byte-limit, --run-object-expiry and --eviction");
		}
		String body = "{" + String.join(",", fields) + "}";
		GoferClient.Reply reply = client.call("PATCH", ApiPaths.pipeline(client.settings().namespace(), this.pipeline),
				body);
		PipelineGetCommand.print(reply, format, invocation);
	}

	/** The JSON value of --eviction: a quoted order, or null for 'default'. */
	private static String eviction(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "lru" -> "\"lru\"";
			case "oldest" -> "\"oldest\"";
			case DEFAULT -> "null";
			default ->
				throw new CliException(ExitCode.USAGE, "--eviction takes lru, oldest or default, not '" + value + "'");
		};
	}

	/**
	 * Adds a JSON member: null for 'default', else the number (a size, for the byte
	 * limit).
	 */
	private static void add(List<String> fields, String name, @Nullable String value, boolean size) {
		if (value == null) {
			return;
		}
		String json;
		if (value.trim().equalsIgnoreCase(DEFAULT)) {
			json = "null";
		}
		else if (size) {
			json = Long.toString(Units.parseSize(value));
		}
		else {
			try {
				json = Long.toString(Long.parseLong(value.trim()));
			}
			catch (NumberFormatException ex) {
				throw new CliException(ExitCode.USAGE,
						"--" + name.replace('_', '-') + " takes a whole number or 'default', not '" + value + "'");
			}
		}
		fields.add("\"" + name + "\":" + json);
	}

}
