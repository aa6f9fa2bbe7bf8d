package dev.gofer.objectstore.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * Where and as whom the client connects. Each setting comes from the first of: its
 * command-line option, its environment variable, the config file, the built-in default.
 */
record Settings(URI host, @Nullable String token, String namespace) {

	static final String DEFAULT_HOST = "http://localhost:8080";

	static final String DEFAULT_NAMESPACE = "default";

	/**
	 * Resolves the settings.
	 * @param host the {@code --host} option, null when not given (likewise token and
	 * namespace)
	 * @param env the environment variables
	 * @param file the config file's settings, empty when there is none
	 */
	static Settings resolve(@Nullable String host, @Nullable String token, @Nullable String namespace,
			Map<String, String> env, Properties file) {
		String hostValue = first(host, env.get("GOFER_HOST"), file.getProperty("host"));
		String namespaceValue = first(namespace, env.get("GOFER_NAMESPACE"), file.getProperty("namespace"));
		return new Settings(parseHost((hostValue != null) ? hostValue : DEFAULT_HOST),
				first(token, env.get("GOFER_TOKEN"), file.getProperty("token")),
				(namespaceValue != null) ? namespaceValue : DEFAULT_NAMESPACE);
	}

	/** The first value that is set and not blank: an empty variable counts as unset. */
	private static @Nullable String first(@Nullable String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

	/**
	 * Reads a server address; {@code host:port} without a scheme means plain HTTP. A path
	 * is kept, for a server behind a proxy under a prefix.
	 */
	static URI parseHost(String host) {
		String withScheme = host.contains("://") ? host : "http://" + host;
		String trimmed = withScheme.replaceAll("/+$", "");
		try {
			URI uri = new URI(trimmed);
			String scheme = uri.getScheme();
			if (uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
					&& uri.getRawQuery() == null && uri.getRawFragment() == null) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// reported below with the expected format
		}
		throw new CliException(ExitCode.USAGE,
				"'" + host + "' is not a server address; give one like http://localhost:8080");
	}

}
