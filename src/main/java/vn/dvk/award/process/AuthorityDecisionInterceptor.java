package vn.dvk.award.process;

import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import vn.dvk.award.process.AwardNominationProcess.Ids;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.shared.process.TaskCompletionInterceptor;

/**
 * Checks {@link AuthorityDecisionContract} before UserTask_RecordAuthorityDecision of
 * AwardNominationProcess completes, from Tasklist, engine-rest or the API alike. It runs inside
 * the command context but outside any listener, so its FormFieldValidationException reaches
 * engine-rest unwrapped: 400 with the Vietnamese message, the transaction rolled back, the task
 * still open (the same technique as the review module's decision contract check).
 */
class AuthorityDecisionInterceptor extends TaskCompletionInterceptor {

	@Override
	protected void check(TaskEntity task, Completion completion) {
		if (isRecordAuthorityDecision(task)) {
			AuthorityDecisionContract.validate(completion.value(Vars.AUTHORITY_OUTCOME),
					completion.value(Vars.DECISION_NUMBER), completion.value(Vars.DECISION_DATE));
		}
	}

	static boolean isRecordAuthorityDecision(TaskEntity task) {
		return task != null && isTask(task, AwardNominationProcess.KEY, Ids.RECORD_AUTHORITY_DECISION);
	}

}
