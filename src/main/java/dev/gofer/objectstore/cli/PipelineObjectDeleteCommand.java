package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete a pipeline object.", footerHeading = "%nExamples:%n",
		footer = "  gofer pipeline object delete my-pipeline my_key1")
class PipelineObjectDeleteCommand extends ObjectDeleteCommand {

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return pipelineScope(client);
	}

}
