package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "list", description = "List a pipeline's objects, oldest first.", footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline object list my-pipeline",
				"  gofer pipeline object list my-pipeline --prefix deps- --newest --limit 1",
				"  gofer pipeline object list my-pipeline --output plain" })
class PipelineObjectListCommand extends ObjectListCommand {

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return pipelineScope(client);
	}

}
