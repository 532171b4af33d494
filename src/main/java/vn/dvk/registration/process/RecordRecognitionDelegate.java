package vn.dvk.registration.process;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.process.ModelRegistrationProcess.Vars;

/**
 * After {@code Msg_RecognitionDecided}: sets the registration's status from
 * {@code recognitionOutcome} (RECOGNIZED, RECOGNIZED_TYPICAL or NOT_RECOGNIZED) with the history
 * action RECOGNITION_DECIDED and the comment "Quyết định số &lt;decisionNumber&gt;", and sets
 * {@code recognitionOutcomeName} (Vietnamese) for the email. Any other outcome fails the
 * correlation (the caller's transaction rolls back).
 */
@Component(RecordRecognitionDelegate.BEAN)
class RecordRecognitionDelegate implements JavaDelegate {

	static final String BEAN = "recordRecognitionDelegate";

	static final String ACTION = "RECOGNITION_DECIDED";

	static final Set<RegistrationStatus> OUTCOMES = EnumSet.of(RegistrationStatus.RECOGNIZED,
			RegistrationStatus.RECOGNIZED_TYPICAL, RegistrationStatus.NOT_RECOGNIZED);

	private final RegistrationService registrations;

	RecordRecognitionDelegate(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RegistrationStatus outcome = outcome(execution.getVariable(Vars.RECOGNITION_OUTCOME));
		Object number = execution.getVariable(Vars.DECISION_NUMBER);
		String decisionNumber = number instanceof String text && !text.isBlank() ? text.strip() : null;
		String code = execution.getVariable(Vars.REGISTRATION_CODE) instanceof String c ? c
				: execution.getProcessBusinessKey();
		Authentication authentication = execution.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		registrations.changeStatus(code, outcome, ACTION, null,
				authentication == null ? null : authentication.getUserId(),
				decisionNumber == null ? null : "Quyết định số " + decisionNumber);
		execution.setVariable(Vars.RECOGNITION_OUTCOME_NAME, outcome.label());
	}

	static RegistrationStatus outcome(Object value) {
		if (value instanceof String name) {
			try {
				RegistrationStatus status = RegistrationStatus.valueOf(name.strip());
				if (OUTCOMES.contains(status)) {
					return status;
				}
			}
			catch (IllegalArgumentException ex) {
				// reported below
			}
		}
		throw new IllegalArgumentException(Vars.RECOGNITION_OUTCOME
				+ " must be RECOGNIZED, RECOGNIZED_TYPICAL or NOT_RECOGNIZED, got " + value);
	}

}
