package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "object",
		description = "Pipeline objects: kept until deleted, at most the pipeline's object limit of them.")
class PipelineObjectCommand {

}
