package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes an object's content to stdout, byte for byte, streamed. */
abstract class ObjectGetCommand extends ObjectCommand {

	@Parameters(index = "1", paramLabel = "KEY", description = "The object's key.")
	String key = "";

	@Option(names = { "-s", "--stringify" },
			description = "Print the object as UTF-8 text followed by a newline, as Gofer does; "
					+ "bytes that are not UTF-8 print as U+FFFD.")
	boolean stringify;

	@Override
	void execute(GoferClient client, Invocation invocation) throws IOException {
		ObjectScope scope = scope(client, invocation);
		HttpConnection.Response response = client.download(scope.objectPath(this.key));
		long length = response.contentLength();
		Progress progress = new Progress(invocation, "get " + this.key, length);
		try (InputStream body = progress.count(response.body())) {
			if (this.stringify) {
				printText(body, invocation);
			}
			else {
				Transfers.copy(body, invocation.stdout(), "'" + this.key + "'");
			}
		}
		finally {
			progress.finish();
		}
	}

	/** Decodes as it goes, so that even a large object is never held whole. */
	private void printText(InputStream body, Invocation invocation) {
		Reader text = new InputStreamReader(body, StandardCharsets.UTF_8);
		char[] buffer = new char[8192];
		try {
			for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
				invocation.out().print(new String(buffer, 0, n));
			}
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.UNAVAILABLE,
					"The download of '" + this.key + "' was cut off: " + Transfers.message(ex));
		}
		invocation.out().println();
	}

}
