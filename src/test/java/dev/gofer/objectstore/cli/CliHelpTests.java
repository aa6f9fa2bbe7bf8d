package dev.gofer.objectstore.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command, found by walking picocli's command tree, documents itself. */
class CliHelpTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final Invocation invocation = Invocation.of(new ByteArrayInputStream(new byte[0]), this.out, this.err,
			Map.of());

	@Test
	void theTreeHasTheCommandsOfTheIssue() {
		List<String> leaves = leaves().stream().map((command) -> command.getCommandSpec().qualifiedName()).toList();
		assertThat(leaves).containsExactlyInAnyOrder("gofer pipeline object list", "gofer pipeline object get",
				"gofer pipeline object put", "gofer pipeline object delete", "gofer pipeline get",
				"gofer pipeline update", "gofer run object list", "gofer run object get", "gofer run object put",
				"gofer run object delete", "gofer run list", "gofer run start", "gofer run token", "gofer token create",
				"gofer token list", "gofer token delete", "gofer service start", "gofer namespace list",
				"gofer pipeline list");
	}

	@Test
	void everyLeafHasADescriptionAndAnExampleOfItself() {
		for (CommandLine leaf : leaves()) {
			CommandSpec spec = leaf.getCommandSpec();
			assertThat(spec.usageMessage().description()).as(spec.qualifiedName()).isNotEmpty();
			assertThat(spec.usageMessage().footerHeading()).as(spec.qualifiedName()).contains("Examples:");
			assertThat(spec.usageMessage().footer()).as(spec.qualifiedName())
				.anySatisfy((line) -> assertThat(line).contains(spec.qualifiedName() + " "));
		}
	}

	@Test
	void everyCommandAnswersHelpWithItsExitCodes() {
		for (CommandLine command : GoferCli.all(GoferCli.commandLine(this.invocation))) {
			String name = command.getCommandSpec().qualifiedName();
			assertThat(command.getCommandSpec().optionsMap()).as(name).containsKeys("--help", "-h", "--version");
			this.out.reset();
			String[] args = (name.replaceFirst("^gofer ?", "") + " --help").trim().split(" ");
			assertThat(GoferCli.run(args, this.invocation)).as(name).isZero();
			String help = this.out.toString(StandardCharsets.UTF_8);
			assertThat(help).as(name).startsWith("Usage: " + name).contains("Exit codes:", "5   Missing, invalid");
			for (ExitCode code : ExitCode.values()) {
				assertThat(help).as(name).contains(code.code() + "   " + code.description());
			}
		}
		assertThat(this.err.toString(StandardCharsets.UTF_8)).isEmpty();
	}

	@Test
	void clientCommandsShareTheConnectionOptions() {
		for (CommandLine leaf : leaves()) {
			if (leaf.getCommand() instanceof ClientCommand) {
				assertThat(leaf.getCommandSpec().optionsMap()).as(leaf.getCommandSpec().qualifiedName())
					.containsKeys("--host", "--token", "--namespace");
			}
		}
	}

	@Test
	void usageErrorsExitWithTwoAndPointToHelp() {
		assertThat(GoferCli.run(new String[] { "pipeline", "object", "get", "p" }, this.invocation)).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter: 'KEY'",
				"Try 'gofer pipeline object get --help'");
		assertThat(this.out.toByteArray()).isEmpty();
	}

	private List<CommandLine> leaves() {
		return GoferCli.all(GoferCli.commandLine(this.invocation))
			.stream()
			.filter((command) -> command.getSubcommands().isEmpty())
			.toList();
	}

}
