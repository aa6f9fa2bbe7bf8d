package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "run", description = "Runs of a pipeline and their objects.")
class RunCommand {

}
