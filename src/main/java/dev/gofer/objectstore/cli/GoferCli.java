package dev.gofer.objectstore.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The client's entry point: parses the command line with picocli, runs the command, and
 * turns failures into one line on stderr and a documented exit code.
 */
public final class GoferCli {

	static {
		// picocli's default factory looks for Groovy once, for closures in annotations: a
		// class
		// that is not there, looked for in each of the jar's hundred libraries, which
		// took a
		// fifth of a command's start-up.
		System.setProperty("picocli.disable.closures", "true");
	}

	private GoferCli() {
	}

	/** Runs the client on the process's own streams and returns the exit code. */
	public static int run(String[] args) {
		return run(args, Invocation.system());
	}

	static int run(String[] args, Invocation invocation) {
		int code = configure(CommandTree.forArguments(invocation, args), invocation).execute(args);
		invocation.flush();
		if (invocation.out().checkError() && code == ExitCode.OK.code()) {
			invocation.err().println("gofer: cannot write to standard output");
			return ExitCode.ERROR.code();
		}
		return code;
	}

	/**
	 * The whole command tree, with help options, exit codes and error handling on every
	 * command.
	 */
	static CommandLine commandLine(Invocation invocation) {
		return configure(CommandTree.whole(invocation), invocation);
	}

	/** Help options, exit codes and error handling on every command of {@code cli}. */
	private static CommandLine configure(CommandLine cli, Invocation invocation) {
		for (CommandLine command : all(cli)) {
			CommandSpec spec = command.getCommandSpec();
			spec.mixinStandardHelpOptions(true);
			spec.versionProvider(cli.getCommandSpec().versionProvider());
			spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes());
		}
		List<String> sections = new ArrayList<>(cli.getHelpSectionKeys());
		// Examples (the footer) read best right after the options, before the exit codes.
		sections.removeAll(List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
				CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER));
		sections.addAll(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING),
				List.of(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING,
						CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER));
		return cli.setHelpSectionKeys(sections)
			// '@' means stdin to put; picocli would otherwise read arguments from a file
			// named after it.
			.setExpandAtFiles(false)
			.setCaseInsensitiveEnumValuesAllowed(true)
			.setUsageHelpAutoWidth(true)
			.setOut(new PrintWriter(invocation.out(), true, StandardCharsets.UTF_8))
			.setErr(new PrintWriter(invocation.err(), true, StandardCharsets.UTF_8))
			.setExecutionExceptionHandler((ex, command, parseResult) -> failed(ex, invocation))
			.setParameterExceptionHandler((ex, args) -> usageError(ex, invocation));
	}

	/** A command and every command below it. */
	static List<CommandLine> all(CommandLine root) {
		List<CommandLine> all = new ArrayList<>();
		all.add(root);
		for (CommandLine sub : root.getSubcommands().values()) {
			all.addAll(all(sub));
		}
		return all;
	}

	private static Map<String, String> exitCodes() {
		Map<String, String> codes = new LinkedHashMap<>();
		for (ExitCode code : ExitCode.values()) {
			codes.put(Integer.toString(code.code()), code.description());
		}
		return codes;
	}

	private static int failed(Exception ex, Invocation invocation) {
		invocation.out().flush();
		if (ex instanceof CliException failure) {
			invocation.err().println("gofer: " + failure.getMessage());
			return failure.exitCode().code();
		}
		invocation.err().println("gofer: unexpected error: " + ex);
		if (invocation.env().containsKey("GOFER_DEBUG")) {
			ex.printStackTrace(invocation.err());
		}
		return ExitCode.ERROR.code();
	}

	private static int usageError(ParameterException ex, Invocation invocation) {
		CommandLine command = ex.getCommandLine();
		invocation.err().println("gofer: " + ex.getMessage());
		UnmatchedArgumentException.printSuggestions(ex, invocation.err());
		if (!command.getSubcommands().isEmpty()) {
			command.usage(invocation.err());
		}
		else {
			invocation.err()
				.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
		}
		return ExitCode.USAGE.code();
	}

}
