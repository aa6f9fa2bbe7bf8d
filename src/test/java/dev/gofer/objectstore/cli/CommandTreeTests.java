package dev.gofer.objectstore.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line builds the commands it names, and the whole tree below where it stops
 * naming them.
 */
class CommandTreeTests {

	private final Invocation invocation = Invocation.of(new ByteArrayInputStream(new byte[0]),
			new ByteArrayOutputStream(), new ByteArrayOutputStream(), Map.of());

	@Test
	void aLeafsCommandLineBuildsItsPathOnly() {
		CommandLine root = CommandTree.forArguments(this.invocation,
				new String[] { "pipeline", "object", "get", "my-pipeline", "key" });
		assertThat(names(root)).containsExactly("gofer", "gofer pipeline", "gofer pipeline object",
				"gofer pipeline object get");
	}

	@Test
	void fromAnArgumentThatNamesNoSubcommandTheWholeTreeBelowIsBuilt() {
		CommandLine root = CommandTree.forArguments(this.invocation, new String[] { "run", "--help" });
		assertThat(names(root)).contains("gofer run", "gofer run object get", "gofer run token")
			.doesNotContain("gofer pipeline");
		CommandLine typo = CommandTree.forArguments(this.invocation, new String[] { "pipline", "object" });
		assertThat(names(typo)).containsExactlyElementsOf(names(CommandTree.whole(this.invocation)));
	}

	private static List<String> names(CommandLine root) {
		return GoferCli.all(root).stream().map((command) -> command.getCommandSpec().qualifiedName()).toList();
	}

}
