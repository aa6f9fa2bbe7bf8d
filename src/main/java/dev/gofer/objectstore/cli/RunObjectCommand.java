package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "object", description = "Run objects: they belong to one run and expire after the pipeline's "
		+ "run_object_expiry later runs.")
class RunObjectCommand {

}
