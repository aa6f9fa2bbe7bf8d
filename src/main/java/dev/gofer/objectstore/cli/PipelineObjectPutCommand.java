package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;

@Command(name = "put",
		description = { "Write a pipeline object.",
				"Pipeline objects are kept until deleted, but a pipeline holds at most its object limit of them: "
						+ "storing a new key in a full pipeline evicts the oldest objects." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer pipeline object put my-pipeline my_key1=my_value5",
				"  gofer pipeline object put my-pipeline dist.tgz ./dist.tgz \\",
				"      --content-type application/gzip",
				"  echo \"hello\" | gofer pipeline object put my-pipeline greeting @",
				"  gofer pipeline object put my-pipeline my_key1=new_value --force" })
class PipelineObjectPutCommand extends ObjectPutCommand {

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return pipelineScope(client);
	}

}
