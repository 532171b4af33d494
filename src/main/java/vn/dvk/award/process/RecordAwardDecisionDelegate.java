package vn.dvk.award.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@code ${recordAwardDecisionDelegate}}: stores the awarding decision the process carries
 * ({@code decisionNumber}, {@code decisionDate}, {@code decisionAuthority}; the date defaults to
 * today and the authority to the award's) and sets {@code decisionDateText} (dd/MM/yyyy) for
 * certificates and emails. Used after the board's approval and after a clerk's entry.
 */
@Component("recordAwardDecisionDelegate")
class RecordAwardDecisionDelegate implements JavaDelegate {

	static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final AwardNominationService nominations;

	RecordAwardDecisionDelegate(AwardNominationService nominations) {
		this.nominations = nominations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = (String) execution.getVariable(Vars.NOMINATION_CODE);
		LocalDate date = date(execution.getVariable(Vars.DECISION_DATE));
		if (date == null) {
			date = nominations.today();
		}
		String authority = (String) execution.getVariable(Vars.DECISION_AUTHORITY);
		if (authority == null || authority.isBlank()) {
			authority = (String) execution.getVariable(Vars.AWARD_AUTHORITY);
		}
		nominations.recordDecision(code, (String) execution.getVariable(Vars.DECISION_NUMBER), date, authority,
				EngineIdentity.actor(execution.getProcessEngineServices()));
		execution.setVariable(Vars.DECISION_DATE, date.toString());
		execution.setVariable(Vars.DECISION_DATE_TEXT, VIETNAMESE_DATE.format(date));
		execution.setVariable(Vars.DECISION_AUTHORITY, authority);
	}

	/** A form's date field gives yyyy-MM-dd (sometimes with a time); the API gives a LocalDate's text. */
	static LocalDate date(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate();
		}
		String text = value.toString().strip();
		try {
			return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Ngày quyết định không hợp lệ: " + text, ex);
		}
	}

}
