package vn.dvk.notification.process;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dvk.notification.NotificationService;

/**
 * {@code camunda:delegateExpression="${sendNotificationDelegate}"} on a send task: queues the
 * email named by the local input variable {@code mailTemplate} to the members of
 * {@code recipientGroups} (a list, a Spin JSON list or a comma-separated String), with the
 * process variables as the template model (plus {@code taskId} of the instance's one open task,
 * if there is exactly one, so that a reminder links to it). Links ({@code planUrl}, {@code registrationUrl},
 * {@code taskUrl}) are added by the notification service where the ids are present.
 */
@Component("sendNotificationDelegate")
class SendNotificationDelegate implements JavaDelegate {

	static final String MAIL_TEMPLATE = "mailTemplate";

	static final String RECIPIENT_GROUPS = "recipientGroups";

	private final NotificationService notifications;

	SendNotificationDelegate(NotificationService notifications) {
		this.notifications = notifications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object template = execution.getVariableLocal(MAIL_TEMPLATE);
		if (template == null || template.toString().isBlank()) {
			throw new IllegalStateException("Input variable '" + MAIL_TEMPLATE + "' is missing on activity "
					+ execution.getCurrentActivityId());
		}
		List<String> groups = RecipientGroups.parse(execution.getVariableLocal(RECIPIENT_GROUPS));
		Map<String, Object> model = MailModel.of(execution);
		model.remove(MAIL_TEMPLATE);
		model.remove(RECIPIENT_GROUPS);
		model.put("businessKey", execution.getProcessBusinessKey());
		model.put("processInstanceId", execution.getProcessInstanceId());
		if (model.get("taskId") == null) {
			// looked up only if the template links to the task (reminders): the task query is
			// a few per cent of the CPU of every other email's step
			model.put("taskId", MailModel.lazy(() -> openTaskId(execution).orElse(null)));
		}
		String dedupKey = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + template;
		notifications.enqueue(dedupKey, template.toString().trim(), groups, model);
	}

	/** The one open user task of the process instance (e.g. the overdue review), for a Tasklist link. */
	private static Optional<String> openTaskId(DelegateExecution execution) {
		if (execution.getProcessEngineServices() == null) {
			return Optional.empty();
		}
		// the step's own lookup, not the signed-in person's: without their authorization check (which
		// joins every task permission of theirs)
		CommandContext command = Context.getCommandContext();
		boolean checking = command != null && command.isAuthorizationCheckEnabled();
		if (checking) {
			command.disableAuthorizationCheck();
		}
		List<Task> tasks;
		try {
			tasks = execution.getProcessEngineServices()
				.getTaskService()
				.createTaskQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.active()
				.listPage(0, 2);
		}
		finally {
			if (checking) {
				command.enableAuthorizationCheck();
			}
		}
		return tasks.size() == 1 ? Optional.of(tasks.get(0).getId()) : Optional.empty();
	}

}
