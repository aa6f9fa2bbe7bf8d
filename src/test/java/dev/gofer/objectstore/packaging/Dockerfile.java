package dev.gofer.objectstore.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Dockerfile read into its instructions, enough to check what it copies and runs
 * without a Docker engine: continuation lines joined, comments dropped, flags split from
 * arguments.
 */
record Dockerfile(List<Instruction> instructions) {

	/**
	 * One instruction; {@code stage} is the name (or index) of the build stage it belongs
	 * to.
	 */
	record Instruction(String stage, String keyword, List<String> flags, String arguments) {

		List<String> words() {
			return Arrays.asList(this.arguments.trim().split("\\s+"));
		}

		Optional<String> flag(String name) {
			return this.flags.stream()
				.filter(flag -> flag.startsWith("--" + name + "="))
				.map(flag -> flag.substring(name.length() + 3))
				.findFirst();
		}

		/** The arguments of an exec-form (JSON array) instruction. */
		List<String> execForm() {
			return Arrays.asList(JsonMapper.builder().build().readValue(this.arguments, String[].class));
		}

	}

	static Dockerfile read(Path file) throws IOException {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder logical = new StringBuilder();
		String stage = "0";
		int stages = 0;
		for (String line : Files.readAllLines(file)) {
			String trimmed = line.strip();
			if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
				continue;
			}
			if (trimmed.endsWith("\\")) {
				logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
				continue;
			}
			logical.append(trimmed);
			String text = logical.toString();
			logical.setLength(0);
			String keyword = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
			String rest = text.substring(keyword.length()).strip();
			List<String> flags = new ArrayList<>();
			while (rest.startsWith("--")) {
				String[] split = rest.split("\\s+", 2);
				flags.add(split[0]);
				rest = split.length > 1 ? split[1] : "";
			}
			if (keyword.equals("FROM")) {
				String[] words = rest.split("\\s+");
				stage = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : String.valueOf(stages);
				stages++;
			}
			instructions.add(new Instruction(stage, keyword, flags, rest));
		}
		return new Dockerfile(instructions);
	}

	List<Instruction> all(String keyword) {
		return this.instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
	}

	/**
	 * The last instruction of its kind in the final stage, which is what the image gets.
	 */
	Instruction last(String keyword) {
		List<Instruction> found = all(keyword);
		if (found.isEmpty()) {
			throw new AssertionError("The Dockerfile has no " + keyword);
		}
		return found.getLast();
	}

}
