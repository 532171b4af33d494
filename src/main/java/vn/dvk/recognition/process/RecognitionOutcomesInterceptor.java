package vn.dvk.recognition.process;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks two completions before the task completes, the same way the review module's
 * DecisionContractInterceptor checks {@code decision}: a member's {@code UserTask_AssessModels}
 * while models are left to assess ({@link AssessModelsGuard}), and the chair's {@code outcomes} of
 * {@code UserTask_ConfirmOutcomes}. It runs inside the command context, outside any listener, so the
 * FormFieldValidationException reaches engine-rest and Tasklist unwrapped: 400 with the Vietnamese
 * message, the transaction rolled back, the task still open. A confirmation without
 * {@code outcomes} confirms the proposal (the variable the proposal step set).
 */
class RecognitionOutcomesInterceptor extends CommandInterceptor {

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
		if (taskId == null) {
			return;
		}
		TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
		if (AssessModelsGuard.isAssessTask(task)) {
			AssessModelsGuard.check(task);
			return;
		}
		if (!isConfirmTask(task)) {
			return;
		}
		Map<?, ?> completion = (Map<?, ?>) field(command, type,
				command instanceof CompleteTaskCmd ? "variables" : "properties");
		RecognitionOutcomesContract.validate(value(task, completion, RecognitionReviewProcess.Vars.OUTCOMES),
				value(task, completion, RecognitionReviewProcess.Vars.COMMENT), sessionCodes(task));
	}

	static boolean isConfirmTask(TaskEntity task) {
		return task != null && RecognitionReviewProcess.Ids.CONFIRM_OUTCOMES.equals(task.getTaskDefinitionKey())
				&& task.getProcessDefinitionId() != null
				&& task.getProcessDefinitionId().startsWith(RecognitionReviewProcess.KEY + ":");
	}

	static List<String> sessionCodes(TaskEntity task) {
		Object codes = task.getVariable(RecognitionReviewProcess.Vars.REGISTRATION_CODES);
		return codes instanceof Collection<?> collection ? collection.stream().map(String::valueOf).toList() : List.of();
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
