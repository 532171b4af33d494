package vn.dvk.review.process;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.variable.value.TypedValue;

import vn.dvk.review.DecisionContract;

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
class DecisionContractInterceptor extends CommandInterceptor {

	static final Set<String> CONTRACT_LISTENERS = Set.of("${decisionContractListener}",
			"${recordReviewDecisionListener}");

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
			check(command);
		}
		return next.execute(command);
	}

	private static void check(Command<?> command) {
		Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
		String taskId = (String) field(command, type, "taskId");
		Map<?, ?> completion = (Map<?, ?>) field(command, type,
				command instanceof CompleteTaskCmd ? "variables" : "properties");
		if (taskId == null) {
			return;
		}
		TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
		if (task == null || !underContract(task.getTaskDefinition())) {
			return;
		}
		DecisionContract.validate(value(task, completion, DecisionContract.DECISION),
				value(task, completion, DecisionContract.COMMENT), DecisionContract.APPROVAL_DECISIONS);
	}

	static boolean underContract(TaskDefinition definition) {
		List<TaskListener> listeners = definition == null ? null
				: definition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
		return listeners != null && listeners.stream()
			.anyMatch(listener -> listener instanceof DelegateExpressionTaskListener expression
					&& CONTRACT_LISTENERS.contains(expression.getExpressionText()));
	}

	/** The value the completion brings, else the one the task already sees. */
	private static Object value(TaskEntity task, Map<?, ?> completion, String name) {
		if (completion != null && completion.containsKey(name)) {
			Object value = completion.get(name);
			return value instanceof TypedValue typed ? typed.getValue() : value;
		}
		return task.getVariable(name);
	}

	private static Object field(Object command, Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field.get(command);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Camunda changed " + type.getName() + "." + name, ex);
		}
	}

}
