package dev.gofer.objectstore.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Documents {@code gofer service start}. The server itself is started by the
 * application's main method, before the client is even loaded, whenever the arguments are
 * {@code service start} followed by {@code --name=value} properties only; so this command
 * runs only for arguments of any other shape, and refuses them.
 */
@Command(name = "start", customSynopsis = "gofer service start [--NAME=VALUE...]",
		description = { "Start the object store server: the same as running the jar with no arguments.",
				"Each --NAME=VALUE argument sets a Spring property, such as --server.port=9000 or "
						+ "--gofer.data-dir=/var/lib/gofer; the README lists them." },
		footerHeading = "%nExamples:%n", footer = { "  gofer service start",
				"  gofer service start --server.port=9000 --gofer.data-dir=/var/lib/gofer" })
class ServiceStartCommand implements Callable<Integer> {

	@Unmatched
	List<String> arguments = new ArrayList<>();

	@Override
	public Integer call() {
		throw new CliException(ExitCode.USAGE,
				"service start takes only --NAME=VALUE property arguments, not " + String.join(" ", this.arguments));
	}

}
