package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "pipeline", description = "Pipelines: their objects, limits and usage.")
class PipelineCommand {

}
