package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", description = "List a run's objects, oldest first.", footerHeading = "%nExamples:%n", footer = {
		"  gofer run object list simple_pipeline", "  gofer run object list simple_pipeline --run 7 --output json" })
class RunObjectListCommand extends ObjectListCommand {

	@Mixin
	RunOption run = new RunOption();

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return runScope(client, invocation, this.run);
	}

}
