package dev.gofer.objectstore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "get", description = "Read a run object: its content goes to standard output, byte for byte.",
		footerHeading = "%nExamples:%n",
		footer = { "  gofer run object get simple_pipeline my_key",
				"  gofer run object get simple_pipeline my_key --run 7 > my_key.bin",
				"  GOFER_RUN_ID=7 gofer run object get simple_pipeline my_key --stringify" })
class RunObjectGetCommand extends ObjectGetCommand {

	@Mixin
	RunOption run = new RunOption();

	@Override
	ObjectScope scope(GoferClient client, Invocation invocation) {
		return runScope(client, invocation, this.run);
	}

}
