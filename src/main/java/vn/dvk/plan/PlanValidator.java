package vn.dvk.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * Checks a draft and fills in the defaults. Every problem is reported at once, keyed by the JSON
 * name of the field, with a message key of {@code messages/plan.properties}.
 */
@Component
class PlanValidator {

	static final Pattern CODE = Pattern.compile("KH-(\\d{4})-\\d{2,3}");

	static final Pattern FIELD_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final int MAX_TITLE = 500;

	static final int MAX_LEGAL_BASIS_NUMBER = 100;

	static final int MAX_DESCRIPTION = 20_000;

	static final int MAX_FIELD_NAME = 200;

	static final int MIN_YEAR = 2020;

	static final int MAX_YEAR = 2100;

	static final int DEFAULT_REMINDER_DAYS_BEFORE = 3;

	static final int MAX_REMINDER_DAYS_BEFORE = 365;

	static final int DEFAULT_REVIEW_DAYS = 10;

	static final int MIN_REVIEW_DAYS = 1;

	static final int MAX_REVIEW_DAYS = 90;

	static final int DEFAULT_ESCALATION_DAYS = 20;

	static final int MAX_ESCALATION_DAYS = 180;

	private final OrganizationService organization;

	private final Clock clock;

	PlanValidator(OrganizationService organization, ObjectProvider<Clock> clock) {
		this.organization = organization;
		// the application clock (system module), the system clock where there is none
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * The draft, trimmed and completed with defaults; or a 400 listing every problem.
	 * @param existingCode the code of the plan being changed, null when creating
	 */
	PlanDraft validate(PlanDraft draft, String existingCode) {
		List<FieldProblem> problems = new ArrayList<>();
		Instant now = clock.instant();

		Integer year = draft.year();
		if (year == null) {
			problems.add(new FieldProblem("year", "plan.year.required"));
		}
		else if (year < MIN_YEAR || year > MAX_YEAR) {
			problems.add(new FieldProblem("year", "plan.year.range", text(MIN_YEAR), text(MAX_YEAR)));
		}

		String code = trimToNull(draft.code());
		if (existingCode != null) {
			if (code != null && !code.equals(existingCode)) {
				problems.add(new FieldProblem("code", "plan.code.unchangeable", existingCode));
			}
			code = existingCode;
		}
		if (code != null) {
			var matcher = CODE.matcher(code);
			if (!matcher.matches()) {
				problems.add(new FieldProblem("code", "plan.code.pattern"));
			}
			else if (year != null && !matcher.group(1).equals(text(year))) {
				problems.add(new FieldProblem(existingCode == null ? "code" : "year", "plan.code.yearMismatch",
						code, matcher.group(1)));
			}
		}

		String title = trimToNull(draft.title());
		if (title == null) {
			problems.add(new FieldProblem("title", "plan.title.required"));
		}
		else if (title.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "plan.title.tooLong", text(MAX_TITLE)));
		}

		String legalBasisNumber = trimToNull(draft.legalBasisNumber());
		if (legalBasisNumber != null && legalBasisNumber.length() > MAX_LEGAL_BASIS_NUMBER) {
			problems.add(new FieldProblem("legalBasisNumber", "plan.legalBasisNumber.tooLong",
					text(MAX_LEGAL_BASIS_NUMBER)));
		}
		LocalDate legalBasisDate = draft.legalBasisDate();
		if (legalBasisDate != null && legalBasisDate.isAfter(LocalDate.ofInstant(now, VIETNAM))) {
			problems.add(new FieldProblem("legalBasisDate", "plan.legalBasisDate.future"));
		}

		String description = trimToNull(draft.description());
		if (description != null && description.length() > MAX_DESCRIPTION) {
			problems.add(new FieldProblem("description", "plan.description.tooLong", text(MAX_DESCRIPTION)));
		}

		List<PlanField> fields = fields(draft.fields(), problems);
		List<String> scope = scope(draft.scopeUnitCodes(), problems);
		ReviewMode reviewMode = draft.reviewMode() == null ? ReviewMode.EVERY_LEVEL : draft.reviewMode();

		Instant deadline = draft.registrationDeadline();
		boolean deadlineOk = false;
		if (deadline == null) {
			problems.add(new FieldProblem("registrationDeadline", "plan.registrationDeadline.required"));
		}
		else if (!deadline.isAfter(now)) {
			problems.add(new FieldProblem("registrationDeadline", "plan.registrationDeadline.past"));
		}
		else {
			deadlineOk = true;
		}

		Integer reminderDaysBefore = draft.reminderDaysBefore();
		if (reminderDaysBefore == null) {
			long daysLeft = deadlineOk ? Duration.between(now, deadline).toDays() : DEFAULT_REMINDER_DAYS_BEFORE;
			reminderDaysBefore = (int) Math.min(DEFAULT_REMINDER_DAYS_BEFORE, daysLeft);
		}
		else if (reminderDaysBefore < 0 || reminderDaysBefore > MAX_REMINDER_DAYS_BEFORE) {
			problems.add(new FieldProblem("reminderDaysBefore", "plan.reminderDaysBefore.range", text(0),
					text(MAX_REMINDER_DAYS_BEFORE)));
		}
		else if (deadlineOk && deadline.minus(Duration.ofDays(reminderDaysBefore)).isBefore(now)) {
			problems.add(new FieldProblem("reminderDaysBefore", "plan.reminderDaysBefore.past",
					text(reminderDaysBefore)));
		}

		Integer reviewDays = draft.reviewDays() == null ? DEFAULT_REVIEW_DAYS : draft.reviewDays();
		boolean reviewDaysOk = reviewDays >= MIN_REVIEW_DAYS && reviewDays <= MAX_REVIEW_DAYS;
		if (!reviewDaysOk) {
			problems.add(new FieldProblem("reviewDays", "plan.reviewDays.range", text(MIN_REVIEW_DAYS),
					text(MAX_REVIEW_DAYS)));
		}
		Integer escalationDays = draft.escalationDays() == null ? Math.max(DEFAULT_ESCALATION_DAYS, reviewDays + 1)
				: draft.escalationDays();
		int mustExceed = reviewDaysOk ? reviewDays : MIN_REVIEW_DAYS;
		if (escalationDays <= mustExceed || escalationDays > MAX_ESCALATION_DAYS) {
			problems.add(new FieldProblem("escalationDays", "plan.escalationDays.range", text(mustExceed),
					text(MAX_ESCALATION_DAYS)));
		}

		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		return new PlanDraft(code, title, year, legalBasisNumber, legalBasisDate, description, fields, List.copyOf(scope),
				reviewMode, deadline, reminderDaysBefore, reviewDays, escalationDays);
	}

	private List<PlanField> fields(List<PlanField> given, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return PlanField.standard();
		}
		List<PlanField> fields = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			PlanField field = given.get(i);
			String code = field == null ? null : trimToNull(field.code());
			String name = field == null ? null : trimToNull(field.name());
			String at = "fields[" + i + "]";
			if (code == null) {
				problems.add(new FieldProblem(at + ".code", "plan.fields.code.required"));
			}
			else if (!FIELD_CODE.matcher(code).matches()) {
				problems.add(new FieldProblem(at + ".code", "plan.fields.code.pattern"));
			}
			else if (!seen.add(code)) {
				problems.add(new FieldProblem(at + ".code", "plan.fields.code.duplicate", code));
			}
			if (name == null) {
				problems.add(new FieldProblem(at + ".name", "plan.fields.name.required"));
			}
			else if (name.length() > MAX_FIELD_NAME) {
				problems.add(new FieldProblem(at + ".name", "plan.fields.name.tooLong", text(MAX_FIELD_NAME)));
			}
			fields.add(new PlanField(code, name));
		}
		return List.copyOf(fields);
	}

	private List<String> scope(List<String> given, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return organization.registeringUnits().stream().map(Unit::code).toList();
		}
		List<String> codes = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String code = trimToNull(given.get(i));
			String at = "scopeUnitCodes[" + i + "]";
			if (code == null || !organization.exists(code)) {
				problems.add(new FieldProblem(at, "plan.scopeUnitCodes.unknown", code == null ? "" : code));
			}
			else if (!organization.require(code).registering()) {
				problems.add(new FieldProblem(at, "plan.scopeUnitCodes.notRegistering", code,
						organization.require(code).name()));
			}
			else if (!seen.add(code)) {
				problems.add(new FieldProblem(at, "plan.scopeUnitCodes.duplicate", code));
			}
			codes.add(code);
		}
		return codes;
	}

	/** Numbers as plain text: MessageFormat would print 2026 as "2.026" in Vietnamese. */
	private static String text(int number) {
		return Integer.toString(number);
	}

	private static String trimToNull(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
