package vn.dvk.review.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import vn.dvk.registration.RegistrationService;
import vn.dvk.review.DecisionContract;

/**
 * Complete listener of {@code UserTask_ReviewRegistration}: checks the decision contract, then
 * appends the level's decision to the registration's history (the status itself changes only
 * when the whole review ends, in ModelRegistrationProcess).
 */
@Component("recordReviewDecisionListener")
class RecordReviewDecisionListener implements TaskListener {

	static final Map<String, String> ACTIONS = Map.of(DecisionContract.APPROVE, "APPROVED", DecisionContract.RETURN,
			"RETURNED", DecisionContract.REJECT, "REJECTED");

	private final RegistrationService registrations;

	RecordReviewDecisionListener(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void notify(DelegateTask task) {
		Object comment = task.getVariable(LevelReviewProcess.Vars.COMMENT);
		String decision = DecisionContract.validate(task.getVariable(LevelReviewProcess.Vars.DECISION), comment,
				DecisionContract.APPROVAL_DECISIONS);
		String commentText = comment == null || comment.toString().isBlank() ? null : comment.toString().trim();
		registrations.recordHistory((String) task.getVariable(LevelReviewProcess.Vars.REGISTRATION_CODE),
				ACTIONS.get(decision), (String) task.getVariable(LevelReviewProcess.Vars.REVIEW_UNIT_CODE), actor(task),
				commentText);
	}

	/** The assignee, else whoever is signed in to the engine (Tasklist, engine-rest), else the system. */
	private static String actor(DelegateTask task) {
		if (task.getAssignee() != null) {
			return task.getAssignee();
		}
		Authentication authentication = task.getProcessEngineServices()
			.getIdentityService()
			.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
