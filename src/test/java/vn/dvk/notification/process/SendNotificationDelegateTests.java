package vn.dvk.notification.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.thymeleaf.context.LazyContextVariable;
import vn.dvk.notification.NotificationService;

class SendNotificationDelegateTests {

	NotificationService notifications = mock(NotificationService.class);

	SendNotificationDelegate delegate = new SendNotificationDelegate(notifications);

	@Test
	void queuesTheTemplateForAListOfGroupsWithTheProcessVariablesAsModel() throws Exception {
		DelegateExecution execution = execution("registration-returned", List.of("unit-xa-cam-hai-dong", "unit-heads"));

		delegate.execute(execution);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(notifications).enqueue(eq("pi-1:SendTask_NotifyReturned:ai-7:registration-returned"),
				eq("registration-returned"), eq(List.of("unit-xa-cam-hai-dong", "unit-heads")), model.capture());
		assertThat(model.getValue()).containsEntry("registrationCode", "DK-2026-000123")
			.containsEntry("comment", "Thiếu ảnh minh họa")
			.containsEntry("businessKey", "DK-2026-000123")
			.doesNotContainKeys("mailTemplate", "recipientGroups");
	}

	@Test
	void readsASerializedVariableOnlyWhenTheTemplateDoes() throws Exception {
		DelegateExecution execution = execution("result-reports-overdue", "unit-heads");
		VariableMap typed = execution.getVariablesTyped(false);
		typed.putValueTyped("overdue", Variables.serializedObjectValue("[{\"code\":\"DK-1\"}]")
			.serializationDataFormat("application/json")
			.objectTypeName("java.util.ArrayList")
			.create());
		List<Map<String, String>> overdue = List.of(Map.of("code", "DK-1"));
		when(execution.getVariable("overdue")).thenReturn(overdue);

		delegate.execute(execution);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(notifications).enqueue(anyString(), eq("result-reports-overdue"), eq(List.of("unit-heads")),
				model.capture());
		verify(execution, never()).getVariable("overdue");
		assertThat(model.getValue().get("overdue")).isInstanceOfSatisfying(LazyContextVariable.class,
				lazy -> assertThat(lazy.getValue()).isEqualTo(overdue));
		verify(execution).getVariable("overdue");
		assertThat(model.getValue()).containsEntry("registrationCode", "DK-2026-000123");
	}

	@Test
	void linksTheInstancesOneOpenTaskForAReminder() throws Exception {
		DelegateExecution execution = execution("review-overdue", "reviewers-tinh");
		ProcessEngineServices services = mock(ProcessEngineServices.class, RETURNS_DEEP_STUBS);
		Task task = mock(Task.class);
		when(task.getId()).thenReturn("task-9");
		when(services.getTaskService().createTaskQuery().processInstanceId("pi-1").active().listPage(0, 2))
			.thenReturn(List.of(task));
		when(execution.getProcessEngineServices()).thenReturn(services);

		delegate.execute(execution);

		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
		verify(notifications).enqueue(anyString(), eq("review-overdue"), eq(List.of("reviewers-tinh")),
				model.capture());
		// looked up when the template reads it
		assertThat(model.getValue().get("taskId")).isInstanceOfSatisfying(LazyContextVariable.class,
				lazy -> assertThat(lazy.getValue()).isEqualTo("task-9"));
	}

	@Test
	void acceptsASpinJsonList() throws Exception {
		delegate.execute(execution("plan-published", Spin.JSON("[\"unit-a\", \"unit-b\"]")));

		verify(notifications).enqueue(anyString(), eq("plan-published"), eq(List.of("unit-a", "unit-b")), any());
	}

	@Test
	void acceptsACommaSeparatedString() throws Exception {
		delegate.execute(execution("review-overdue", " reviewers-tinh, reviewers-phuong-cam-linh ,,"));

		verify(notifications).enqueue(anyString(), eq("review-overdue"),
				eq(List.of("reviewers-tinh", "reviewers-phuong-cam-linh")), any());
	}

	@Test
	void acceptsAJsonListWrittenAsText() {
		assertThat(RecipientGroups.parse("[\"unit-a\",\"unit-a\",\"unit-b\"]")).containsExactly("unit-a", "unit-b");
	}

	@Test
	void failsClearlyWithoutATemplate() {
		DelegateExecution execution = execution(null, "unit-a");

		assertThatThrownBy(() -> delegate.execute(execution)).hasMessageContaining("mailTemplate");
		verify(notifications, never()).enqueue(anyString(), anyString(), anyCollection(), any());
	}

	private static DelegateExecution execution(String template, Object groups) {
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariableLocal("mailTemplate")).thenReturn(template);
		when(execution.getVariableLocal("recipientGroups")).thenReturn(groups);
		Map<String, Object> variables = new HashMap<>();
		variables.put("registrationCode", "DK-2026-000123");
		variables.put("comment", "Thiếu ảnh minh họa");
		variables.put("mailTemplate", template);
		variables.put("recipientGroups", groups);
		when(execution.getVariablesTyped(false)).thenReturn(Variables.fromMap(variables));
		when(execution.getProcessInstanceId()).thenReturn("pi-1");
		when(execution.getActivityInstanceId()).thenReturn("SendTask_NotifyReturned:ai-7");
		when(execution.getProcessBusinessKey()).thenReturn("DK-2026-000123");
		when(execution.getCurrentActivityId()).thenReturn("SendTask_NotifyReturned");
		return execution;
	}

}
