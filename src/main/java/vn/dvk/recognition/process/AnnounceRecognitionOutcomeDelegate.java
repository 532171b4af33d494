package vn.dvk.recognition.process;

import java.time.Clock;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import vn.dvk.recognition.RecognitionDecisions;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.SessionItem;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;

/**
 * {@code SendTask_AnnounceOutcome}, once per registration of the session: a recognised model
 * enters the register (year of the plan, source SYSTEM, the decision's number); then the
 * registration's process receives its outcome ({@code Msg_RecognitionDecided}).
 */
@Component("announceRecognitionOutcomeDelegate")
class AnnounceRecognitionOutcomeDelegate implements JavaDelegate {

	private final RecognitionSessionService sessions;

	private final RecognizedModelRegister register;

	private final RecognitionAnnouncer announcer;

	private final Clock clock;

	AnnounceRecognitionOutcomeDelegate(RecognitionSessionService sessions, RecognizedModelRegister register,
			RecognitionAnnouncer announcer, Clock clock) {
		this.sessions = sessions;
		this.register = register;
		this.announcer = announcer;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = (String) execution.getVariable(Vars.REGISTRATION_CODE);
		Map<String, String> outcomes = RecognitionOutcomesContract.validate(execution.getVariable(Vars.OUTCOMES),
				execution.getVariable(Vars.COMMENT), RecognitionVariables.codes(execution.getVariable(Vars.REGISTRATION_CODES)));
		RecognitionOutcome outcome = RecognitionDecisions.outcomeOf(outcomes.get(code));
		String decisionNumber = (String) execution.getVariable(Vars.DECISION_NUMBER);
		if (outcome.recognized() && register.ofRegistration(code).isEmpty()) {
			SessionItem item = sessions.item(execution.getProcessBusinessKey(), code);
			register.add(new RecognizedModel(0, item.name(), item.unitCode(), item.field(),
					((Number) execution.getVariable(Vars.PLAN_YEAR)).intValue(), outcome, code, decisionNumber, "SYSTEM",
					clock.instant()));
		}
		announcer.recognitionDecided(code, outcome, decisionNumber);
	}

}
