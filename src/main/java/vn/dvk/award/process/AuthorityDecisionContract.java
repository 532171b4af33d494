package vn.dvk.award.process;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.dvk.award.process.AwardNominationProcess.Vars;

/**
 * The outcome rule of the clerk's task UserTask_RecordAuthorityDecision: authorityOutcome is
 * AWARDED or DECLINED, decisionNumber is given, decisionDate is a date (yyyy-MM-dd) not after
 * today in Vietnam. Checked by AuthorityDecisionInterceptor before the task completes.
 */
final class AuthorityDecisionContract {

	static final Set<String> OUTCOMES = Set.of("AWARDED", "DECLINED");

	static final int NUMBER_MAX = 100;

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final ResourceBundle MESSAGES = ResourceBundle.getBundle("messages.award", Locale.ROOT,
			ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

	private AuthorityDecisionContract() {
	}

	/**
	 * @throws InvalidAuthorityDecisionException with a Vietnamese message naming the first
	 *                                           offending variable
	 */
	static void validate(Object outcome, Object number, Object date) {
		if (!(outcome instanceof String value) || !OUTCOMES.contains(value.strip())) {
			throw new InvalidAuthorityDecisionException(Vars.AUTHORITY_OUTCOME,
					outcome == null || outcome.toString().isBlank() ? message("award.task.outcome.missing")
							: message("award.task.outcome.invalid", outcome));
		}
		if (number == null || number.toString().isBlank()) {
			throw new InvalidAuthorityDecisionException(Vars.DECISION_NUMBER, message("award.task.number.required"));
		}
		if (number.toString().strip().length() > NUMBER_MAX) {
			throw new InvalidAuthorityDecisionException(Vars.DECISION_NUMBER,
					message("award.task.number.tooLong", NUMBER_MAX));
		}
		if (date == null || date.toString().isBlank()) {
			throw new InvalidAuthorityDecisionException(Vars.DECISION_DATE, message("award.task.date.required"));
		}
		LocalDate day;
		try {
			day = RecordAwardDecisionDelegate.date(date);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAuthorityDecisionException(Vars.DECISION_DATE, message("award.task.date.invalid", date));
		}
		LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(VIETNAM).toLocalDate();
		if (day.isAfter(today)) {
			throw new InvalidAuthorityDecisionException(Vars.DECISION_DATE,
					message("award.task.date.future", RecordAwardDecisionDelegate.VIETNAMESE_DATE.format(day)));
		}
	}

	static String message(String key, Object... args) {
		return new MessageFormat(MESSAGES.getString(key), Locale.forLanguageTag("vi")).format(args);
	}

	/**
	 * A completion of the clerk's task that breaks the rule: a FormFieldValidationException, which
	 * engine-rest and Tasklist answer with 400 when it reaches them unwrapped.
	 */
	static class InvalidAuthorityDecisionException extends FormFieldValidationException {

		private static final long serialVersionUID = 1L;

		private final String field;

		InvalidAuthorityDecisionException(String field, String message) {
			super(field, message);
			this.field = field;
		}

		/** The offending variable. */
		String field() {
			return field;
		}

	}

}
