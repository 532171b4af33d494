package vn.dvk.notification.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.dvk.notification.NotificationService;

class NotifyCandidateGroupsListenerTests {

	NotificationService notifications = mock(NotificationService.class);

	NotifyCandidateGroupsListener listener = new NotifyCandidateGroupsListener(notifications);

	@Test
	void emailsTheCandidateGroupsOfANewTask() {
		Date due = new Date();
		DelegateTask task = task(TaskListener.EVENTNAME_CREATE, due);

		listener.notify(task);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(notifications).enqueue(eq("task-42:assigned"), eq("task-assigned"), eq(List.of("reviewers-tinh")),
				model.capture());
		assertThat(model.getValue()).containsEntry("taskId", "task-42")
			.containsEntry("taskName", "Thẩm định đăng ký")
			.containsEntry("businessKey", "DK-2026-000123")
			.containsEntry("dueDate", due)
			.containsEntry("registrationName", "Mô hình “Dân vận khéo”");
	}

	@Test
	void ignoresOtherEvents() {
		listener.notify(task(TaskListener.EVENTNAME_ASSIGNMENT, null));

		verify(notifications, never()).enqueue(anyString(), anyString(), anyCollection(), any());
	}

	private static DelegateTask task(String event, Date due) {
		DelegateTask task = mock(DelegateTask.class);
		when(task.getEventName()).thenReturn(event);
		when(task.getId()).thenReturn("task-42");
		when(task.getName()).thenReturn("Thẩm định đăng ký");
		when(task.getDueDate()).thenReturn(due);
		IdentityLink group = mock(IdentityLink.class);
		when(group.getGroupId()).thenReturn("reviewers-tinh");
		IdentityLink user = mock(IdentityLink.class);
		when(user.getUserId()).thenReturn("reviewer-tinh");
		when(task.getCandidates()).thenReturn(Set.of(group, user));
		Map<String, Object> variables = new HashMap<>();
		variables.put("registrationName", "Mô hình “Dân vận khéo”");
		when(task.getVariablesTyped(false)).thenReturn(Variables.fromMap(variables));
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getProcessBusinessKey()).thenReturn("DK-2026-000123");
		when(task.getExecution()).thenReturn(execution);
		return task;
	}

}
