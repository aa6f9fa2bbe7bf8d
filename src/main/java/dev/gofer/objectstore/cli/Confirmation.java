package dev.gofer.objectstore.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Asks a person to confirm what cannot be undone. Only a terminal can answer: a script
 * that means it says {@code --yes}, and one that did not is stopped rather than left
 * waiting or, worse, taken as having agreed.
 */
final class Confirmation {

	private static final int MAX_ANSWER = 256;

	private Confirmation() {
	}

	/**
	 * Returns when confirmed ({@code yes}, or "y"/"yes" typed on the terminal); throws
	 * otherwise.
	 * @param question asked on stderr, followed by {@code [y/N]}
	 */
	static void require(Invocation invocation, boolean yes, String question) {
		if (yes) {
			return;
		}
		if (!invocation.interactive()) {
			throw new CliException(ExitCode.USAGE,
					question + " Refused: stdin is not a terminal to confirm on; add --yes to go ahead");
		}
		invocation.err().print(question + " [y/N] ");
		invocation.err().flush();
		String answer = readLine(invocation.stdin()).trim().toLowerCase(Locale.ROOT);
		if (!answer.equals("y") && !answer.equals("yes")) {
			throw new CliException(ExitCode.ERROR, "Not confirmed; nothing was deleted");
		}
	}

	private static String readLine(InputStream in) {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		try {
			for (int b = in.read(); b >= 0 && b != '\n' && line.size() < MAX_ANSWER; b = in.read()) {
				line.write(b);
			}
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Cannot read the answer: " + ex.getMessage());
		}
		return line.toString(StandardCharsets.UTF_8);
	}

}
