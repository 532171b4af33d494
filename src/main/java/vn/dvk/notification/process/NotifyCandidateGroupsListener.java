package vn.dvk.notification.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;
import vn.dvk.notification.NotificationService;

/**
 * {@code <camunda:taskListener event="create" delegateExpression="${notifyCandidateGroupsListener}"/>}:
 * emails the members of the new task's candidate groups (template {@code task-assigned}) with
 * a link to the task in Tasklist.
 */
@Component("notifyCandidateGroupsListener")
class NotifyCandidateGroupsListener implements TaskListener {

	static final String TEMPLATE = "task-assigned";

	private final NotificationService notifications;

	NotifyCandidateGroupsListener(NotificationService notifications) {
		this.notifications = notifications;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!EVENTNAME_CREATE.equals(task.getEventName())) {
			return;
		}
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		Map<String, Object> model = MailModel.of(task);
		model.put("taskId", task.getId());
		model.put("taskName", task.getName());
		model.put("dueDate", task.getDueDate());
		model.put("businessKey", task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
		notifications.enqueue(task.getId() + ":assigned", TEMPLATE, List.copyOf(groups), model);
	}

}
