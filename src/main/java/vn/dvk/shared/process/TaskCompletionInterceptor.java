package vn.dvk.shared.process;

import java.lang.reflect.Field;
import java.util.Map;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks a task's completion before the engine runs it, from Tasklist (submit-form), from
 * /engine-rest (complete) and from the Java API alike.
 * <p>
 * Why an interceptor and not a task listener: Camunda 7.24 wraps anything a task listener throws
 * into a plain ProcessEngineException, which engine-rest answers with 500. An exception thrown
 * here reaches the REST resource unwrapped: a subclass of FormFieldValidationException becomes
 * 400 with its message, and the command's transaction is rolled back, so nothing changes.
 * Subclasses say which tasks they guard and what they require; each module registers its own
 * through a ProcessEnginePlugin.
 */
public abstract class TaskCompletionInterceptor extends CommandInterceptor {

	@Override
	public <T> T execute(Command<T> command) {
		if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
			Class<?> type = command instanceof CompleteTaskCmd ? CompleteTaskCmd.class : SubmitTaskFormCmd.class;
			String taskId = (String) field(command, type, "taskId");
			TaskEntity task = taskId == null ? null
					: Context.getCommandContext().getTaskManager().findTaskById(taskId);
			if (task != null) {
				Map<?, ?> submitted = (Map<?, ?>) field(command, type,
						command instanceof CompleteTaskCmd ? "variables" : "properties");
				check(task, new Completion(task, submitted));
			}
		}
		return next.execute(command);
	}

	/**
	 * Refuses the completion by throwing (a FormFieldValidationException subclass for a 400);
	 * returns quietly for tasks this interceptor does not guard.
	 */
	protected abstract void check(TaskEntity task, Completion completion);

	/** Whether the task is the given task of the given process definition key. */
	protected static boolean isTask(TaskEntity task, String processDefinitionKey, String taskDefinitionKey) {
		return taskDefinitionKey.equals(task.getTaskDefinitionKey()) && task.getProcessDefinitionId() != null
				&& task.getProcessDefinitionId().startsWith(processDefinitionKey + ":");
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

	/** The values a completion brings, over the ones the task already sees. */
	public static final class Completion {

		private final TaskEntity task;

		private final Map<?, ?> submitted;

		Completion(TaskEntity task, Map<?, ?> submitted) {
			this.task = task;
			this.submitted = submitted;
		}

		/** The submitted value of a variable, else the one the task already sees. */
		public Object value(String name) {
			if (submitted != null && submitted.containsKey(name)) {
				Object value = submitted.get(name);
				return value instanceof TypedValue typed ? typed.getValue() : value;
			}
			return task.getVariable(name);
		}

	}

}
