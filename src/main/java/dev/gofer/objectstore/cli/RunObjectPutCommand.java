package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "put", description = { "Write a run object.",
		"Run objects belong to one run and expire once the pipeline has registered its run_object_expiry later runs. "
				+ "Writing to a run that was never registered registers it." },
		footerHeading = "%nExamples:%n",
		footer = { "  gofer run object put simple_pipeline my_key=my_value",
				"  gofer run object put simple_pipeline report.html ./report.html --run 7",
				"  tar cz dist | gofer run object put simple_pipeline dist.tar.gz @" })
class RunObjectPutCommand extends ObjectPutCommand {

	@Mixin
	RunOption run = new RunOption();

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return runScope(client, invocation, this.run);
	}

}
