package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "service", description = "Run the object store server.")
class ServiceCommand {

}
