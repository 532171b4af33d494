package vn.dvk.reporting;

import java.util.List;

import org.springframework.http.HttpStatus;
import vn.dvk.shared.DvkException;

/**
 * An import file refused because of its lines (400): every bad line with the column and the
 * reason. Nothing of the file was imported.
 */
public class ModelImportRejected extends DvkException {

	private final transient List<LineProblem> lines;

	ModelImportRejected(List<LineProblem> lines) {
		super(HttpStatus.BAD_REQUEST, "reporting.import.invalid", String.valueOf(lines.size()));
		this.lines = List.copyOf(lines);
	}

	public List<LineProblem> lines() {
		return lines;
	}

	/**
	 * One problem of one line of the file.
	 *
	 * @param line       line number in the file (1 is the header row)
	 * @param field      the column ({@code ten_mo_hinh}, {@code don_vi}, {@code linh_vuc}, {@code nam}, {@code ket_qua})
	 * @param messageKey the Vietnamese reason (messages/reporting.properties)
	 * @param args       its arguments
	 */
	public record LineProblem(int line, String field, String messageKey, Object... args) {
	}

}
