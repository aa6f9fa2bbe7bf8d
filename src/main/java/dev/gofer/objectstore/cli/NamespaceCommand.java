package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "namespace", description = "Namespaces: what they hold.")
class NamespaceCommand {

}
