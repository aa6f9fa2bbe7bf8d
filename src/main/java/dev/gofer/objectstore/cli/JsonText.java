package dev.gofer.objectstore.cli;

import java.util.List;
import java.util.stream.Collectors;

/** Writes the few JSON values the client sends. */
final class JsonText {

	private JsonText() {
	}

	static String string(String value) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	static String strings(List<String> values) {
		return values.stream().map(JsonText::string).collect(Collectors.joining(",", "[", "]"));
	}

}
