package vn.dvk.recognition.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;

/**
 * Complete listener of {@code UserTask_ConfirmOutcomes}: checks the outcomes again (the interceptor
 * already did, for a 400) and records who confirmed them (the chair who signs the decision).
 */
@Component("confirmRecognitionOutcomesListener")
class ConfirmRecognitionOutcomesListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		RecognitionOutcomesContract.validate(task.getVariable(Vars.OUTCOMES), task.getVariable(Vars.COMMENT),
				RecognitionVariables.codes(task.getVariable(Vars.REGISTRATION_CODES)));
		task.setVariable(Vars.CONFIRMED_BY, actor(task));
	}

	private static String actor(DelegateTask task) {
		Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		return task.getAssignee();
	}

}
