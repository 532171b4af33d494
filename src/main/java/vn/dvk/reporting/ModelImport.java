package vn.dvk.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.reporting.ModelImportRejected.LineProblem;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;

/**
 * Import of models recognised before the system (docs/import.md): a CSV or XLSX file, every
 * line checked, all lines imported into the register in one transaction or none.
 */
@Service
public class ModelImport {

	static final String NAME = "ten_mo_hinh";
	static final String UNIT = "don_vi";
	static final String FIELD = "linh_vuc";
	static final String YEAR = "nam";
	static final String OUTCOME = "ket_qua";
	static final String DECISION = "so_quyet_dinh";

	static final List<String> REQUIRED = List.of(NAME, UNIT, FIELD, YEAR, OUTCOME);

	static final int FIRST_YEAR = 2000;

	static final int MAX_ROWS = 20_000;

	static final int MAX_REPORTED_PROBLEMS = 500;

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final RecognizedModelRegister register;

	private final OrganizationService organization;

	private final Clock clock;

	ModelImport(RecognizedModelRegister register, OrganizationService organization, Clock clock) {
		this.register = register;
		this.organization = organization;
		this.clock = clock;
	}

	/**
	 * Imports every line of the file or nothing.
	 *
	 * @return the number of models imported
	 * @throws DvkException 403 for anyone but {@code plan-drafters}; 415 for a file that is neither
	 *                      CSV nor XLSX; 400 for an empty file; {@link ModelImportRejected} (400)
	 *                      listing every bad line
	 */
	@Transactional
	public int importFile(byte[] content, CurrentUser user) {
		requireDrafter(user);
		Checked checked = check(content);
		if (!checked.problems().isEmpty()) {
			List<LineProblem> problems = checked.problems();
			throw new ModelImportRejected(
					problems.size() > MAX_REPORTED_PROBLEMS ? problems.subList(0, MAX_REPORTED_PROBLEMS) : problems);
		}
		return register.importAll(checked.models()).size();
	}

	/**
	 * Checks the file as {@link #importFile} does and imports nothing: the first
	 * {@code rowsShown} rows as read, every problem (at most 500) and how many models the file
	 * would add. A file that cannot be read at all (415, empty, too many rows) is still an
	 * exception; a missing column is a problem of line 1.
	 */
	@Transactional(readOnly = true)
	public ImportPreview preview(byte[] content, int rowsShown, CurrentUser user) {
		requireDrafter(user);
		Checked checked = check(content);
		List<LineProblem> problems = checked.problems();
		List<ImportPreview.Row> rows = checked.rows()
			.stream()
			.limit(rowsShown)
			.map(r -> new ImportPreview.Row(r.line(), r.get(NAME), r.get(UNIT), r.get(FIELD), r.get(YEAR),
					r.get(OUTCOME), r.get(DECISION),
					problems.stream().filter(p -> p.line() == r.line()).toList()))
			.toList();
		return new ImportPreview(rows, checked.rows().size(),
				problems.size() > MAX_REPORTED_PROBLEMS ? problems.subList(0, MAX_REPORTED_PROBLEMS) : problems,
				problems.size(), problems.isEmpty() ? checked.models().size() : 0);
	}

	private static void requireDrafter(CurrentUser user) {
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("reporting.import.forbidden");
		}
	}

	/** The file's rows, the models they make and every problem, sorted by line. */
	private Checked check(byte[] content) {
		ImportFileReader.Table table = ImportFileReader.read(content);
		List<LineProblem> problems = new ArrayList<>();
		for (String column : REQUIRED) {
			if (!table.header().contains(column)) {
				problems.add(new LineProblem(1, column, "reporting.import.column.missing", header(column)));
			}
		}
		if (!problems.isEmpty()) {
			return new Checked(List.of(), List.of(), problems);
		}
		if (table.rows().isEmpty()) {
			throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.noRows");
		}
		if (table.rows().size() > MAX_ROWS) {
			throw new DvkException(HttpStatus.BAD_REQUEST, "reporting.import.tooManyRows", String.valueOf(MAX_ROWS));
		}
		Map<String, Unit> unitsByName = unitsByName();
		int currentYear = LocalDate.now(clock.withZone(VIETNAM)).getYear();
		List<RecognizedModel> models = new ArrayList<>();
		Map<String, Integer> firstLineOf = new LinkedHashMap<>();
		for (ImportFileReader.Row row : table.rows()) {
			Optional<RecognizedModel> model = model(row, unitsByName, currentYear, problems);
			if (model.isEmpty()) {
				continue;
			}
			Integer first = firstLineOf.putIfAbsent(RecognizedModelRegister.key(model.get()), row.line());
			if (first != null) {
				problems.add(new LineProblem(row.line(), NAME, "reporting.import.duplicate", String.valueOf(first)));
				continue;
			}
			models.add(model.get());
		}
		for (RecognizedModel existing : register.sameAs(models)) {
			Integer line = firstLineOf.get(RecognizedModelRegister.key(existing));
			problems.add(new LineProblem(line, NAME, "reporting.import.alreadyRegistered",
					String.valueOf(existing.year())));
		}
		problems.sort(java.util.Comparator.comparingInt(LineProblem::line));
		return new Checked(table.rows(), models, problems);
	}

	private record Checked(List<ImportFileReader.Row> rows, List<RecognizedModel> models, List<LineProblem> problems) {
	}

	private Optional<RecognizedModel> model(ImportFileReader.Row row, Map<String, Unit> unitsByName, int currentYear,
			List<LineProblem> problems) {
		int before = problems.size();
		int line = row.line();
		String name = row.get(NAME).replaceAll("\\s+", " ");
		if (name.isEmpty()) {
			problems.add(new LineProblem(line, NAME, "reporting.import.required"));
		}
		else if (name.length() > 500) {
			problems.add(new LineProblem(line, NAME, "reporting.import.name.tooLong", "500"));
		}
		String unitValue = row.get(UNIT);
		Unit unit = null;
		if (unitValue.isEmpty()) {
			problems.add(new LineProblem(line, UNIT, "reporting.import.required"));
		}
		else {
			unit = organization.find(unitValue).orElse(unitsByName.get(unitKey(unitValue)));
			if (unit == null) {
				problems.add(new LineProblem(line, UNIT, "reporting.import.unit.unknown", unitValue));
			}
		}
		String fieldValue = row.get(FIELD);
		Optional<String> field = Fields.code(fieldValue);
		if (fieldValue.isEmpty()) {
			problems.add(new LineProblem(line, FIELD, "reporting.import.required"));
		}
		else if (field.isEmpty()) {
			problems.add(new LineProblem(line, FIELD, "reporting.import.field.unknown", fieldValue));
		}
		String yearValue = row.get(YEAR);
		Integer year = null;
		if (yearValue.isEmpty()) {
			problems.add(new LineProblem(line, YEAR, "reporting.import.required"));
		}
		else {
			year = year(yearValue);
			if (year == null || year < FIRST_YEAR || year > currentYear) {
				problems.add(new LineProblem(line, YEAR, "reporting.import.year.invalid", yearValue, String.valueOf(FIRST_YEAR),
						String.valueOf(currentYear)));
			}
		}
		String outcomeValue = row.get(OUTCOME);
		Optional<RecognitionOutcome> outcome = outcome(outcomeValue);
		if (outcomeValue.isEmpty()) {
			problems.add(new LineProblem(line, OUTCOME, "reporting.import.required"));
		}
		else if (outcome.isEmpty()) {
			problems.add(new LineProblem(line, OUTCOME, "reporting.import.outcome.unknown", outcomeValue));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		String decision = row.get(DECISION);
		return Optional.of(new RecognizedModel(0, name, unit.code(), field.get(), year, outcome.get(), null,
				decision.isEmpty() ? null : decision, RecognizedModelRegister.SOURCE_IMPORT, null));
	}

	private Map<String, Unit> unitsByName() {
		Map<String, Unit> byName = new HashMap<>();
		organization.all().forEach(unit -> byName.putIfAbsent(unitKey(unit.name()), unit));
		return byName;
	}

	/** A unit's name compared without regard to case and spacing (diacritics must be exact). */
	private static String unitKey(String name) {
		return RecognizedModelRegister.normalizedName(name);
	}

	private static Integer year(String value) {
		String digits = value.endsWith(".0") ? value.substring(0, value.length() - 2) : value;
		try {
			return Integer.valueOf(digits);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static Optional<RecognitionOutcome> outcome(String value) {
		return switch (Fields.slug(value)) {
			case "recognized", "cong_nhan" -> Optional.of(RecognitionOutcome.RECOGNIZED);
			case "recognized_typical", "tieu_bieu", "cong_nhan_tieu_bieu" ->
				Optional.of(RecognitionOutcome.RECOGNIZED_TYPICAL);
			default -> Optional.empty();
		};
	}

	private static String header(String column) {
		return switch (column) {
			case NAME -> "ten_mo_hinh (Tên mô hình)";
			case UNIT -> "don_vi (Đơn vị)";
			case FIELD -> "linh_vuc (Lĩnh vực)";
			case YEAR -> "nam (Năm)";
			default -> "ket_qua (Kết quả)";
		};
	}

}
