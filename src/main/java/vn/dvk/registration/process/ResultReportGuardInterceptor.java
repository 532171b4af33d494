package vn.dvk.registration.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import vn.dvk.shared.process.TaskCompletionInterceptor;

/**
 * Refuses, before the task completes, a completion of UserTask_FileResultReport while no result
 * report is stored, whoever completes it: Tasklist (submit-form), engine-rest (complete) or
 * Java. The check is the task's own complete listener (ResultReportFiledListener, resolved
 * through its delegate expression, so the engine's beans or the test's mocks), called here
 * outside any listener: its ResultReportNotFiledException reaches engine-rest unwrapped, which
 * answers 400 with the Vietnamese message, and the transaction is rolled back. Thrown from the
 * listener itself it would be wrapped into a 500 (see the review module's DecisionContractInterceptor).
 */
class ResultReportGuardInterceptor extends TaskCompletionInterceptor {

	static final String LISTENER_EXPRESSION = "${" + ResultReportFiledListener.BEAN + "}";

	@Override
	protected void check(TaskEntity task, Completion completion) {
		if (!ModelRegistrationProcess.Ids.FILE_RESULT_REPORT.equals(task.getTaskDefinitionKey())
				|| task.getTaskDefinition() == null) {
			return;
		}
		List<TaskListener> listeners = task.getTaskDefinition().getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
		if (listeners == null) {
			return;
		}
		for (TaskListener listener : listeners) {
			if (listener instanceof DelegateExpressionTaskListener expression
					&& LISTENER_EXPRESSION.equals(expression.getExpressionText())
					&& Context.getProcessEngineConfiguration()
						.getExpressionManager()
						.createExpression(LISTENER_EXPRESSION)
						.getValue(task) instanceof ResultReportFiledListener filed) {
				filed.requireFiled(task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
			}
		}
	}

}
