package vn.dvk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's one table: a row per measure, a column per size (registrations in the
 * database), the target of the issue in the last column. Printed, written to
 * {@code target/bench/table.md} and, for a measuring run, into {@code docs/benchmarks.md}
 * between the markers (a rerun replaces it).
 */
final class ResultTable {

	static final String BEGIN = "<!-- bench:table:begin -->";

	static final String END = "<!-- bench:table:end -->";

	private final List<String> columns = new ArrayList<>();

	private final Map<String, Row> rows = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private record Row(String target, Map<String, String> cells) {
	}

	void column(String name) {
		columns.add(name);
	}

	/** Declares a row (in the order of declaration) with its target ("" when none). */
	void row(String label, String target) {
		rows.putIfAbsent(label, new Row(target, new LinkedHashMap<>()));
	}

	void put(String label, String column, String value) {
		Row row = rows.get(label);
		if (row == null) {
			throw new IllegalArgumentException("undeclared row " + label);
		}
		row.cells().put(column, value);
	}

	void note(String text) {
		notes.add(text);
	}

	List<String> labels() {
		return List.copyOf(rows.keySet());
	}

	/** Rows that have no value in any column: a run that skipped a measure. */
	List<String> emptyRows() {
		return rows.entrySet().stream().filter(e -> e.getValue().cells().isEmpty()).map(Map.Entry::getKey).toList();
	}

	String markdown() {
		StringBuilder out = new StringBuilder("| Measure |");
		columns.forEach(c -> out.append(' ').append(c).append(" |"));
		out.append(" Target |\n|---|");
		columns.forEach(c -> out.append("---:|"));
		out.append("---|\n");
		rows.forEach((label, row) -> {
			out.append("| ").append(label).append(" |");
			columns.forEach(c -> out.append(' ').append(row.cells().getOrDefault(c, "—")).append(" |"));
			out.append(' ').append(row.target()).append(" |\n");
		});
		if (!notes.isEmpty()) {
			out.append('\n');
			notes.forEach(n -> out.append("* ").append(n).append('\n'));
		}
		return out.toString();
	}

	/** Replaces what is between the markers of the file (the file must have them). */
	static void writeBetweenMarkers(Path file, String content) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		int begin = text.indexOf(BEGIN);
		int end = text.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new IllegalStateException(file + " has no " + BEGIN + " … " + END + " markers");
		}
		String replaced = text.substring(0, begin + BEGIN.length()) + "\n" + content + text.substring(end);
		Files.writeString(file, replaced, StandardCharsets.UTF_8);
	}

	// ---- formatting ------------------------------------------------------------------------

	static String ms(double millis) {
		if (Double.isNaN(millis)) {
			return "—";
		}
		return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
	}

	static String triple(Latencies l) {
		return l.count() == 0 ? "—" : ms(l.p50()) + " / " + ms(l.p95()) + " / " + ms(l.p99());
	}

	static String ratio(double a, double b) {
		if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
			return "—";
		}
		return String.format(Locale.ROOT, "×%.2f", a / b);
	}

	static String number(double value, int decimals) {
		return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
