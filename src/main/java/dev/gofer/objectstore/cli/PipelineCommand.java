package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "pipeline", description = "Pipelines: their objects, limits and usage.", subcommands = {
		PipelineObjectCommand.class, PipelineListCommand.class, PipelineGetCommand.class, PipelineUpdateCommand.class })
class PipelineCommand {

}
