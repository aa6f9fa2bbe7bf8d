package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --run}: which run's objects a command works on. */
final class RunOption {

	@Option(names = { "-r", "--run" }, paramLabel = "RUN_ID", order = 90,
			description = "The run (default: GOFER_RUN_ID, else the pipeline's latest run, else run 1).")
	@Nullable Long run;

	/**
	 * The run to use. Inside a pipeline's container GOFER_RUN_ID names the current run;
	 * outside it, the latest run is the one a person most likely means. A pipeline
	 * without runs gets run 1, which a write registers.
	 */
	long resolve(GoferClient client, Invocation invocation, String pipeline) {
		if (this.run != null) {
			return this.run;
		}
		String fromEnv = invocation.env().get("GOFER_RUN_ID");
		if (fromEnv != null && !fromEnv.isBlank()) {
			try {
				return Long.parseLong(fromEnv.trim());
			}
			catch (NumberFormatException ex) {
				throw new CliException(ExitCode.USAGE, "GOFER_RUN_ID is '" + fromEnv + "', which is not a run number");
			}
		}
		GoferClient.Reply reply = client.getIfExists(ApiPaths.pipeline(client.settings().namespace(), pipeline));
		Long latest = (reply != null) ? Json.optionalNumber(Json.object(reply.json(), "pipeline"), "latest_run_id")
				: null;
		return (latest != null) ? latest : 1;
	}

}
