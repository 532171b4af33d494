package vn.dvk.notification.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.notification.NotificationService;

/**
 * {@code camunda:delegateExpression="${sendNotificationDelegate}"} on a send task: queues the
 * email named by the local input variable {@code mailTemplate} to the members of
 * {@code recipientGroups} (a list, a Spin JSON list or a comma-separated String), with the
 * process variables as the template model. Links ({@code planUrl}, {@code registrationUrl},
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
		Map<String, Object> model = new LinkedHashMap<>(execution.getVariables());
		model.remove(MAIL_TEMPLATE);
		model.remove(RECIPIENT_GROUPS);
		model.put("businessKey", execution.getProcessBusinessKey());
		model.put("processInstanceId", execution.getProcessInstanceId());
		String dedupKey = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + template;
		notifications.enqueue(dedupKey, template.toString().trim(), groups, model);
	}

}
