package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "delete", description = "Delete a run object, or all those whose key starts with a prefix.",
		footerHeading = "%nExamples:%n",
		footer = { "  gofer run object delete simple_pipeline my_key",
				"  gofer run object delete simple_pipeline my_key --run 7",
				"  gofer run object delete simple_pipeline --prefix tmp. --yes" })
class RunObjectDeleteCommand extends ObjectDeleteCommand {

	@Mixin
	RunOption run = new RunOption();

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return runScope(client, invocation, this.run);
	}

}
