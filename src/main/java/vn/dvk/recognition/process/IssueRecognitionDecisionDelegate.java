package vn.dvk.recognition.process;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.dvk.recognition.RecognitionDecision;
import vn.dvk.recognition.RecognitionDecisions;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;

/**
 * {@code ServiceTask_IssueDecision} (asynchronous: a failure is an incident, not the chair's error):
 * the session's one recognition decision, numbered, dated, as a PDF in the database.
 */
@Component("issueRecognitionDecisionDelegate")
class IssueRecognitionDecisionDelegate implements JavaDelegate {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final RecognitionSessionService sessions;

	IssueRecognitionDecisionDelegate(RecognitionSessionService sessions) {
		this.sessions = sessions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object comment = execution.getVariable(Vars.COMMENT);
		Map<String, String> outcomes = RecognitionOutcomesContract.validate(execution.getVariable(Vars.OUTCOMES), comment,
				RecognitionVariables.codes(execution.getVariable(Vars.REGISTRATION_CODES)));
		RecognitionDecision decision = sessions.issueDecision(execution.getProcessBusinessKey(), outcomes,
				comment == null || comment.toString().isBlank() ? null : comment.toString().strip(),
				(String) execution.getVariable(Vars.CONFIRMED_BY));
		execution.setVariable(Vars.DECISION_ID, decision.id());
		execution.setVariable(Vars.DECISION_NUMBER, decision.number());
		execution.setVariable(Vars.DECISION_DATE, DATE.format(decision.date()));
		execution.setVariable(Vars.DECISION_URL, "/api/recognition-decisions/" + decision.id() + "/pdf");
		execution.setVariable(Vars.RECOGNIZED_COUNT,
				outcomes.values().stream().filter(v -> !RecognitionDecisions.NOT_RECOGNIZE.equals(v)).count());
		execution.setVariable(Vars.TYPICAL_COUNT,
				outcomes.values().stream().filter(RecognitionDecisions.RECOGNIZE_TYPICAL::equals).count());
	}

}
