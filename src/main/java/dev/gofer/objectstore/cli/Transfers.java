package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a download to its destination, telling a broken download from a broken
 * destination.
 */
final class Transfers {

	private static final int BUFFER_SIZE = 64 * 1024;

	private Transfers() {
	}

	/**
	 * Copies everything from {@code in} to {@code out} in fixed-size pieces, so that an
	 * object of any size passes through in constant memory.
	 * @param what what is being read, for the error message
	 */
	static void copy(InputStream in, OutputStream out, String what) {
		byte[] buffer = new byte[BUFFER_SIZE];
		while (true) {
			int n;
			try {
				n = in.read(buffer);
			}
			catch (IOException ex) {
				throw new CliException(ExitCode.UNAVAILABLE,
						"The download of " + what + " was cut off: " + message(ex));
			}
			if (n < 0) {
				return;
			}
			write(out, buffer, n);
		}
	}

	static void write(OutputStream out, byte[] buffer, int length) {
		try {
			out.write(buffer, 0, length);
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Cannot write to standard output: " + message(ex));
		}
	}

	static String message(IOException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
