package dev.gofer.objectstore.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of the client works with: the standard streams, the environment, and
 * whether a progress bar may be drawn. Commands write object content as raw bytes to
 * {@link #stdout()} and text to {@link #out()}, which share one buffer so that their
 * order is kept.
 *
 * @param stdout raw standard output, for object content
 * @param out standard output for text, in UTF-8
 * @param err standard error, for diagnostics and the progress bar
 * @param progress whether transfers may draw a progress bar on {@code err}
 * @param interactive whether stdin is a terminal, so that a person can answer a question
 */
record Invocation(InputStream stdin, OutputStream stdout, PrintStream out, PrintStream err, Map<String, String> env,
		boolean progress, boolean interactive) {

	/** The process's own streams and environment. */
	static Invocation system() {
		OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024);
		PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
		Map<String, String> env = System.getenv();
		return new Invocation(new FileInputStream(FileDescriptor.in), stdout,
				new PrintStream(stdout, false, StandardCharsets.UTF_8), err, env, progressWanted(env),
				isTerminal("gofer.stdin-tty", 0));
	}

	/**
	 * Given streams and environment, never a progress bar, stdin not a terminal: for
	 * tests.
	 */
	static Invocation of(InputStream stdin, OutputStream stdout, OutputStream stderr, Map<String, String> env) {
		return new Invocation(stdin, stdout, new PrintStream(stdout, false, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8), env, false, false);
	}

	/** The same, with stdin taken for a terminal that a person types answers into. */
	Invocation asInteractive() {
		return new Invocation(this.stdin, this.stdout, this.out, this.err, this.env, this.progress, true);
	}

	void flush() {
		this.out.flush();
		this.err.flush();
	}

	/**
	 * A progress bar is drawn when stderr is a terminal. {@code GOFER_PROGRESS=0} or
	 * {@code 1} decides instead. Java itself cannot tell whether stderr is a terminal
	 * ({@code Console.isTerminal()} looks at stdin and stdout), so the launcher script
	 * tests it with {@code [ -t 2 ]} and passes {@code -Dgofer.stderr-tty}; run without
	 * the launcher, Linux's {@code /proc/self/fd/2} tells.
	 */
	private static boolean progressWanted(Map<String, String> env) {
		String forced = env.get("GOFER_PROGRESS");
		if (forced != null && !forced.isBlank()) {
			return !forced.equals("0") && !forced.equalsIgnoreCase("false");
		}
		return isTerminal("gofer.stderr-tty", 2);
	}

	/**
	 * Whether a standard stream is a terminal: as the launcher found it
	 * ({@code [ -t N ]}, passed as a system property), else as Linux's
	 * {@code /proc/self/fd/N} tells.
	 */
	private static boolean isTerminal(String launcherProperty, int descriptor) {
		String fromLauncher = System.getProperty(launcherProperty);
		if (fromLauncher != null) {
			return Boolean.parseBoolean(fromLauncher);
		}
		try {
			String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + descriptor)).toString();
			return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

}
