package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "run", description = "Runs of a pipeline and their objects.",
		subcommands = { RunObjectCommand.class, RunListCommand.class, RunStartCommand.class, RunTokenCommand.class })
class RunCommand {

}
