package dev.gofer.objectstore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Stores an object from a value on the command line, a file or stdin. Files and stdin are
 * streamed: the client never holds an object whole, whatever its size.
 */
abstract class ObjectPutCommand extends ObjectCommand {

	static final String TEXT = "text/plain; charset=utf-8";

	static final String BINARY = "application/octet-stream";

	@Parameters(index = "1", paramLabel = "KEY[=VALUE]",
			description = "The key; KEY=VALUE stores VALUE itself, as UTF-8 text.")
	String keyOrPair = "";

	@Parameters(index = "2", arity = "0..1", paramLabel = "PATH|@",
			description = "A file to store, or @ to store what arrives on standard input.")
	@Nullable String source;

	@Option(names = { "-f", "--force" }, description = "Overwrite the key if it exists (default: refuse).")
	boolean force;

	@Option(names = "--content-type", paramLabel = "TYPE",
			description = "The media type stored with the object (default: " + TEXT + " for KEY=VALUE, else " + BINARY
					+ ").")
	@Nullable String contentType;

	@Mixin
	OutputOptions output = new OutputOptions();

	@Override
	void execute(GoferClient client, Invocation invocation) {
		OutputFormat format = this.output.format(invocation);
		Upload upload = upload(invocation);
		ObjectScope scope = scope(client, invocation);
		String path = scope.objectPath(upload.key()) + (this.force ? "?force=true" : "");
		GoferClient.Reply reply;
		try {
			reply = client.upload(path, upload.body(), (this.contentType != null) ? this.contentType : upload.type());
		}
		catch (CliException ex) {
			throw (ex.exitCode() == ExitCode.CONFLICT && !this.force)
					? new CliException(ExitCode.CONFLICT, ex.getMessage() + " (with gofer: --force)") : ex;
		}
		finally {
			upload.progress().finish();
		}
		report(reply, scope, format, invocation);
	}

	private Upload upload(Invocation invocation) {
		int equals = this.keyOrPair.indexOf('=');
		if (equals >= 0) {
			if (this.source != null) {
				throw new CliException(ExitCode.USAGE, "Give either KEY=VALUE or KEY and PATH|@, not both");
			}
			String key = this.keyOrPair.substring(0, equals);
			byte[] value = this.keyOrPair.substring(equals + 1).getBytes(StandardCharsets.UTF_8);
			return new Upload(key, HttpConnection.Upload.of(value), TEXT,
					new Progress(invocation, "put " + key, value.length));
		}
		if (this.source == null) {
			throw new CliException(ExitCode.USAGE,
					"Give the value as KEY=VALUE, a file as KEY PATH, or standard input as KEY @");
		}
		return this.source.equals("@") ? fromStdin(invocation) : fromFile(Path.of(this.source), invocation);
	}

	private Upload fromStdin(Invocation invocation) {
		Progress progress = new Progress(invocation, "put " + this.keyOrPair, -1);
		InputStream stdin = progress.count(invocation.stdin());
		// Unknown length: sent chunked, as it arrives.
		return new Upload(this.keyOrPair, new HttpConnection.Upload(stdin, -1), BINARY, progress);
	}

	private Upload fromFile(Path file, Invocation invocation) {
		if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
			throw new CliException(ExitCode.ERROR, "Cannot read " + file + ": not a readable file");
		}
		try {
			long size = Files.size(file);
			Progress progress = new Progress(invocation, "put " + this.keyOrPair, size);
			InputStream content = progress.count(Files.newInputStream(file));
			// A known length lets the server refuse an object over its limit before it is
			// sent.
			HttpConnection.Upload body = new HttpConnection.Upload(content, size);
			return new Upload(this.keyOrPair, body, BINARY, progress);
		}
		catch (IOException ex) {
			throw new CliException(ExitCode.ERROR, "Cannot read " + file + ": " + Transfers.message(ex));
		}
	}

	private static void report(GoferClient.Reply reply, ObjectScope scope, OutputFormat format, Invocation invocation) {
		switch (format) {
			case JSON -> invocation.out().println(reply.body().strip());
			case PLAIN -> {
			}
			case TABLE -> {
				Map<String, @Nullable Object> json = reply.json();
				ObjectInfo object = ObjectInfo.of(Json.object(json, "object"));
				invocation.out()
					.println("Stored '" + object.key() + "' (" + Units.size(object.size()) + ") in " + scope);
				List<String> evicted = (json.get("evicted") instanceof List<?> keys)
						? keys.stream().map(String::valueOf).toList() : List.of();
				if (!evicted.isEmpty()) {
					invocation.out()
						.println("Evicted to keep the pipeline within its limits: " + String.join(", ", evicted));
				}
			}
		}
	}

	/**
	 * What to send: the key, the body, its default media type, and the progress of
	 * reading it.
	 */
	private record Upload(String key, HttpConnection.Upload body, String type, Progress progress) {

	}

}
