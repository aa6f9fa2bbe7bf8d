package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "delete", description = "Delete a pipeline object, or all those whose key starts with a prefix.",
		footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline object delete my-pipeline my_key1",
				"  gofer pipeline object delete my-pipeline --prefix deps-",
				"  gofer pipeline object delete my-pipeline --prefix deps- --yes   # in a script" })
class PipelineObjectDeleteCommand extends ObjectDeleteCommand {

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return pipelineScope(client);
	}

}
