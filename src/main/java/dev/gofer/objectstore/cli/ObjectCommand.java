package dev.gofer.objectstore.cli;

import picocli.CommandLine.Parameters;

/**
 * A command on objects of one scope. The verbs (list, get, put, delete) are written once
 * in the subclasses of this class; their own subclasses, one per leaf command, say
 * whether the scope is the pipeline or one of its runs.
 */
abstract class ObjectCommand extends ClientCommand {

	@Parameters(index = "0", paramLabel = "PIPELINE", description = "The pipeline.")
	String pipeline = "";

	/** The scope the command works on, once the connection settings are known. */
	abstract ObjectScope scope(GoferClient client, Invocation invocation);

	/** The pipeline's own objects. */
	final ObjectScope pipelineScope(GoferClient client) {
		return new ObjectScope(client.settings().namespace(), this.pipeline, null);
	}

	/** The objects of the run that {@code --run} (or its defaults) selects. */
	final ObjectScope runScope(GoferClient client, Invocation invocation, RunOption run) {
		return new ObjectScope(client.settings().namespace(), this.pipeline,
				run.resolve(client, invocation, this.pipeline));
	}

}
