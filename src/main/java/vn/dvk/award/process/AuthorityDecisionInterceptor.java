package vn.dvk.award.process;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

import vn.dvk.award.process.AwardNominationProcess.Ids;
import vn.dvk.award.process.AwardNominationProcess.Vars;

/**
 * Checks {@link AuthorityDecisionContract} before UserTask_RecordAuthorityDecision of
 * AwardNominationProcess completes, from Tasklist, engine-rest or the API alike. It runs inside
 * the command context but outside any listener, so its FormFieldValidationException reaches
 * engine-rest unwrapped: 400 with the Vietnamese message, the transaction rolled back, the task
 * still open (the same technique as the review module's decision contract check).
 */
class AuthorityDecisionInterceptor extends CommandInterceptor {

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
		if (!isRecordAuthorityDecision(task)) {
			return;
		}
		Map<?, ?> completion = (Map<?, ?>) field(command, type,
				command instanceof CompleteTaskCmd ? "variables" : "properties");
		AuthorityDecisionContract.validate(value(task, completion, Vars.AUTHORITY_OUTCOME),
				value(task, completion, Vars.DECISION_NUMBER), value(task, completion, Vars.DECISION_DATE));
	}

	static boolean isRecordAuthorityDecision(TaskEntity task) {
		return task != null && Ids.RECORD_AUTHORITY_DECISION.equals(task.getTaskDefinitionKey())
				&& task.getProcessDefinitionId() != null
				&& task.getProcessDefinitionId().startsWith(AwardNominationProcess.KEY + ":");
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
