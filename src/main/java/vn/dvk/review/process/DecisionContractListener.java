package vn.dvk.review.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import vn.dvk.review.DecisionContract;

/**
 * Complete listener of approval-like user tasks: refuses a completion without a valid
 * {@code decision} or without the {@code comment} it needs. The exception rolls the whole
 * completion back, so the task stays open and nothing is recorded.
 */
@Component("decisionContractListener")
class DecisionContractListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		DecisionContract.validate(task.getVariable(DecisionContract.DECISION),
				task.getVariable(DecisionContract.COMMENT), DecisionContract.APPROVAL_DECISIONS);
	}

}
