package dev.gofer.objectstore.cli;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command tree, built only as far as a command line needs it. picocli builds the
 * model of every subcommand a {@code @Command} annotation names, by reflection over its
 * annotations, as soon as the parent is built: for the whole tree that was most of a
 * command's start-up, while a command line runs one leaf. So the parents name no
 * subcommands, and this class adds them: on the path the arguments name, one subcommand
 * per level; from the first argument that names none of a command's subcommands (an
 * option such as {@code --help}, a typo, nothing), all of them, so that help and usage
 * errors see the whole tree below that command as before.
 */
final class CommandTree {

	/** The subcommands of each parent, in the order help lists them. */
	private static final Map<Class<?>, List<Class<?>>> SUBCOMMANDS = Map.of(GoferCommand.class,
			List.of(PipelineCommand.class, RunCommand.class, NamespaceCommand.class, TokenCommand.class,
					ServiceCommand.class),
			PipelineCommand.class,
			List.of(PipelineObjectCommand.class, PipelineListCommand.class, PipelineGetCommand.class,
					PipelineUpdateCommand.class),
			PipelineObjectCommand.class,
			List.of(PipelineObjectListCommand.class, PipelineObjectGetCommand.class, PipelineObjectPutCommand.class,
					PipelineObjectDeleteCommand.class),
			RunCommand.class,
			List.of(RunObjectCommand.class, RunListCommand.class, RunStartCommand.class, RunTokenCommand.class),
			RunObjectCommand.class,
			List.of(RunObjectListCommand.class, RunObjectGetCommand.class, RunObjectPutCommand.class,
					RunObjectDeleteCommand.class),
			TokenCommand.class, List.of(TokenCreateCommand.class, TokenListCommand.class, TokenDeleteCommand.class),
			NamespaceCommand.class, List.of(NamespaceListCommand.class), ServiceCommand.class,
			List.of(ServiceStartCommand.class));

	private CommandTree() {
	}

	/** The whole tree. */
	static CommandLine whole(Invocation invocation) {
		CommandLine root = new CommandLine(new GoferCommand(invocation));
		addAll(root);
		return root;
	}

	/**
	 * The tree as far as {@code args} need it: the commands they name, and all below the
	 * last one.
	 */
	static CommandLine forArguments(Invocation invocation, String[] args) {
		CommandLine root = new CommandLine(new GoferCommand(invocation));
		CommandLine command = root;
		for (String arg : args) {
			Class<?> named = subcommandNamed(command, arg);
			if (named == null) {
				break;
			}
			CommandLine sub = new CommandLine(named);
			command.addSubcommand(sub);
			command = sub;
		}
		addAll(command);
		return root;
	}

	private static void addAll(CommandLine command) {
		for (Class<?> type : subcommands(command)) {
			CommandLine sub = new CommandLine(type);
			command.addSubcommand(sub);
			addAll(sub);
		}
	}

	private static @Nullable Class<?> subcommandNamed(CommandLine command, String name) {
		for (Class<?> type : subcommands(command)) {
			Command annotation = type.getAnnotation(Command.class);
			if (annotation != null && annotation.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

	private static List<Class<?>> subcommands(CommandLine command) {
		return SUBCOMMANDS.getOrDefault(command.getCommand().getClass(), List.of());
	}

}
