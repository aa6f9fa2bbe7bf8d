package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A leaf command that talks to the server: resolves the connection settings, then does
 * its work.
 */
abstract class ClientCommand implements Callable<Integer> {

	@Spec
	@Nullable CommandSpec spec;

	@Mixin
	ConnectionOptions connection = new ConnectionOptions();

	@Override
	public final Integer call() throws IOException {
		Invocation invocation = invocation();
		try (GoferClient client = new GoferClient(this.connection.resolve(invocation))) {
			execute(client, invocation);
		}
		return ExitCode.OK.code();
	}

	/** Does the command's work; failures to report are thrown as {@link CliException}. */
	abstract void execute(GoferClient client, Invocation invocation) throws IOException;

	private Invocation invocation() {
		if (this.spec == null) {
			throw new IllegalStateException("picocli injects the spec before calling the command");
		}
		return ((GoferCommand) this.spec.root().userObject()).invocation();
	}

}
