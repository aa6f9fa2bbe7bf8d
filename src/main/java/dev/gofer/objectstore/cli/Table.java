package dev.gofer.objectstore.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with aligned columns and a header row, as {@code kubectl get} prints
 * them.
 */
final class Table {

	private static final String GAP = "   ";

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	Table(String... header) {
		this.header = List.of(header);
	}

	Table row(String... cells) {
		if (cells.length != this.header.size()) {
			throw new IllegalArgumentException("A row needs " + this.header.size() + " cells");
		}
		this.rows.add(List.of(cells));
		return this;
	}

	void print(PrintStream out) {
		int[] widths = new int[this.header.size()];
		measure(this.header, widths);
		this.rows.forEach((row) -> measure(row, widths));
		printRow(this.header, widths, out);
		this.rows.forEach((row) -> printRow(row, widths, out));
	}

	private static void measure(List<String> row, int[] widths) {
		for (int i = 0; i < widths.length; i++) {
			widths[i] = Math.max(widths[i], row.get(i).length());
		}
	}

	private static void printRow(List<String> row, int[] widths, PrintStream out) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < widths.length; i++) {
			String cell = row.get(i);
			line.append(cell);
			if (i < widths.length - 1) {
				line.repeat(' ', widths[i] - cell.length()).append(GAP);
			}
		}
		out.println(line);
	}

}
