package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The root command, {@code gofer}; it holds the invocation for the commands below it,
 * which {@link CommandTree} adds.
 */
@Command(name = "gofer", versionProvider = GoferCommand.Version.class,
		description = { "The Gofer object store's command-line client.",
				"Pipeline objects are kept until deleted (at most the pipeline's object limit); "
						+ "run objects expire after a number of later runs." },
		footerHeading = "%nConnection settings:%n",
		footer = { "  Each comes from its option, else its environment variable, else the config",
				"  file, else the default:", "    --host       GOFER_HOST       host        http://localhost:8080",
				"    --token      GOFER_TOKEN      token       (none)",
				"    --namespace  GOFER_NAMESPACE  namespace   default",
				"  The config file holds host=..., token=... and namespace=... lines (Java",
				"  properties). It is $GOFER_CONFIG if set, else config.properties in",
				"  $XDG_CONFIG_HOME/gofer, else in ~/.config/gofer.",
				"  Run objects use --run, else GOFER_RUN_ID, else the pipeline's latest run.", "", "Examples:",
				"  gofer pipeline object put my-pipeline my_key1=my_value5",
				"  gofer pipeline object get my-pipeline my_key1",
				"  gofer run object put simple_pipeline my_key=my_value",
				"  gofer run object get simple_pipeline my_key" })
class GoferCommand {

	private final Invocation invocation;

	GoferCommand(Invocation invocation) {
		this.invocation = invocation;
	}

	Invocation invocation() {
		return this.invocation;
	}

	/**
	 * The version from the jar's manifest; classes run from a build directory have none.
	 */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = GoferCommand.class.getPackage().getImplementationVersion();
			return new String[] { "gofer " + ((version != null) ? version : "(development build)") };
		}

	}

}
