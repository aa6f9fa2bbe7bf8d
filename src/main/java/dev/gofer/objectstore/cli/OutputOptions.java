package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --output}, for commands that print what the server answered. */
final class OutputOptions {

	@Option(names = { "-o", "--output" }, paramLabel = "FORMAT", order = 110,
			description = "table, json (the server's answer) or plain (bare values, one per line) "
					+ "(default: GOFER_OUTPUT, else table).")
	@Nullable OutputFormat format;

	OutputFormat format(Invocation invocation) {
		if (this.format != null) {
			return this.format;
		}
		String fromEnv = invocation.env().get("GOFER_OUTPUT");
		return (fromEnv != null && !fromEnv.isBlank()) ? OutputFormat.parse(fromEnv) : OutputFormat.TABLE;
	}

}
