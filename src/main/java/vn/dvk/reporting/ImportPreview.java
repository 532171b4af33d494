package vn.dvk.reporting;

import java.util.List;

import vn.dvk.reporting.ModelImportRejected.LineProblem;

/**
 * What an import file would do, checked and not imported: its first rows as read, every problem
 * (at most 500 listed) and the number of models it would add (0 while it has problems).
 *
 * @param rows          the first rows of the file, each with its own problems
 * @param totalRows     how many data rows the file has
 * @param problems      the problems of the whole file, by line
 * @param totalProblems how many problems there are (more than listed when over 500)
 * @param importable    how many models a commit would add
 */
public record ImportPreview(List<Row> rows, int totalRows, List<LineProblem> problems, int totalProblems,
		int importable) {

	public boolean valid() {
		return totalProblems == 0;
	}

	/** One data row as read (text of each column) with its problems. */
	public record Row(int line, String name, String unit, String field, String year, String outcome,
			String decision, List<LineProblem> problems) {
	}

}
