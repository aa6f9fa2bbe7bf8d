package dev.gofer.objectstore.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --host}, {@code --token} and {@code --namespace}, shared by every command that
 * calls the server.
 */
final class ConnectionOptions {

	@Option(names = "--host", paramLabel = "URL", order = 100,
			description = "The server (default: GOFER_HOST, the config file, else " + Settings.DEFAULT_HOST + ").")
	@Nullable String host;

	@Option(names = "--token", paramLabel = "TOKEN", order = 101,
			description = "Bearer token sent to the server (default: GOFER_TOKEN, else the config file).")
	@Nullable String token;

	@Option(names = { "-n", "--namespace" }, paramLabel = "NAMESPACE", order = 102,
			description = "The namespace (default: GOFER_NAMESPACE, the config file, else " + Settings.DEFAULT_NAMESPACE
					+ ").")
	@Nullable String namespace;

	Settings resolve(Invocation invocation) {
		return Settings.resolve(this.host, this.token, this.namespace, invocation.env(),
				ConfigFile.load(invocation.env(), invocation.err()));
	}

}
