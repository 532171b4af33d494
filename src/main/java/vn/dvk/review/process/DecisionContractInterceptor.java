package vn.dvk.review.process;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import vn.dvk.review.DecisionContract;
import vn.dvk.shared.process.TaskCompletionInterceptor;

/**
 * Checks the decision contract <em>before</em> a task is completed, for every task whose BPMN
 * carries one of the contract's complete listeners.
 * <p>
 * Why not only the listeners: Camunda 7.24 wraps anything a task listener throws into a plain
 * {@code ProcessEngineException} ({@code DelegateExpressionTaskListener#notify}, then
 * {@code TaskEntity#fireEvent}), and {@code TaskResourceImpl#complete} and {@code #submit}
 * (engine-rest and Tasklist's own engine API alike) answer a plain ProcessEngineException with
 * 500. They answer 400 only for a {@code FormFieldValidationException} that reaches them
 * unwrapped. This interceptor runs inside the command context but outside any listener, so its
 * {@link DecisionContract.InvalidDecisionException} (a FormFieldValidationException) arrives
 * as it is: 400 with the Vietnamese message, and the transaction is rolled back.
 */
class DecisionContractInterceptor extends TaskCompletionInterceptor {

	static final Set<String> CONTRACT_LISTENERS = Set.of("${decisionContractListener}",
			"${recordReviewDecisionListener}");

	@Override
	protected void check(TaskEntity task, Completion completion) {
		if (underContract(task.getTaskDefinition())) {
			DecisionContract.validate(completion.value(DecisionContract.DECISION),
					completion.value(DecisionContract.COMMENT), DecisionContract.APPROVAL_DECISIONS);
		}
	}

	static boolean underContract(TaskDefinition definition) {
		List<TaskListener> listeners = definition == null ? null
				: definition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
		return listeners != null && listeners.stream()
			.anyMatch(listener -> listener instanceof DelegateExpressionTaskListener expression
					&& CONTRACT_LISTENERS.contains(expression.getExpressionText()));
	}

}
