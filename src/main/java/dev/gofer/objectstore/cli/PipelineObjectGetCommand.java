package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "get", description = "Read a pipeline object: its content goes to standard output, byte for byte.",
		footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline object get my-pipeline my_key1",
				"  gofer pipeline object get my-pipeline build.tar.gz > build.tar.gz",
				"  gofer pipeline object get my-pipeline my_key1 --stringify" })
class PipelineObjectGetCommand extends ObjectGetCommand {

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return pipelineScope(client);
	}

}
