package dev.gofer.objectstore.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.gofer.objectstore.error.InvalidInputException;

/** What a token may do within its scope. */
public enum Action {

	/** List and download objects; read pipelines and runs. */
	READ,

	/** Upload objects, register runs, change pipeline limits. */
	WRITE,

	/** Delete objects. */
	DELETE,

	/**
	 * Mint run tokens for the pipelines in scope, as a CI orchestrator does for its
	 * containers.
	 */
	MINT;

	/** The name in JSON. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Action parse(String value) {
		for (Action action : values()) {
			if (action.value().equals(value)) {
				return action;
			}
		}
		throw new InvalidInputException("Unknown action '" + value + "'; the actions are "
				+ Arrays.stream(values()).map(Action::value).collect(Collectors.joining(", ")));
	}

}
