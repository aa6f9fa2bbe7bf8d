package dev.gofer.objectstore;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.gofer.objectstore.cli.GoferCli;

/**
 * Entry point of both the server and the {@code gofer} client. With no arguments, with
 * {@code --name=value} property arguments only, or with {@code service start} followed by
 * such arguments, starts the object store server. Anything else is a client command, run
 * without loading any Spring class, so that it starts in a fraction of the server's time.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GoferApplication {

	public static void main(String[] args) {
		String[] serverArguments = serverArguments(args);
		if (serverArguments != null) {
			SpringApplication.run(GoferApplication.class, serverArguments);
			return;
		}
		System.exit(GoferCli.run(args));
	}

	/** The server's arguments, or null when the arguments are a client command. */
	static String @Nullable [] serverArguments(String[] args) {
		boolean serviceStart = args.length >= 2 && args[0].equals("service") && args[1].equals("start");
		String[] properties = serviceStart ? Arrays.copyOfRange(args, 2, args.length) : args;
		for (String argument : properties) {
			if (!argument.startsWith("--") || argument.indexOf('=') < 3) {
				return null;
			}
		}
		return properties;
	}

}
