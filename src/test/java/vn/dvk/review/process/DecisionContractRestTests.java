package vn.dvk.review.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dvk.registration.RegistrationService;
import vn.dvk.review.process.LevelReviewProcess.Ids;
import vn.dvk.review.process.LevelReviewProcess.Vars;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * What engine-rest answers ({@code POST /task/{id}/complete}) and what Tasklist's engine API
 * answers ({@code POST /task/{id}/submit-form}) when a completion breaks the decision contract:
 * the real engine-rest resource and exception mapping on the in-memory engine.
 */
@Deployment(resources = "bpmn/LevelReviewProcess.bpmn")
class DecisionContractRestTests {

	/**
	 * In-memory H2 engine of the process tier. Its configuration file is not named camunda.cfg.xml:
	 * that name would make ProcessEngines build a second "default" engine inside the application.
	 */
	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	ProcessEngine processEngine;

	final RegistrationService registrations = mock(RegistrationService.class);

	@BeforeEach
	void registerBeans() {
		Mocks.register("prepareReviewDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
			execution.setVariable(Vars.REVIEW_DUE_DATE, Date.from(Instant.now().plus(Duration.ofDays(7))));
			execution.setVariable(Vars.ESCALATION_DATE, Date.from(Instant.now().plus(Duration.ofDays(14))));
		});
		Mocks.register("recordReviewDecisionListener", new RecordReviewDecisionListener(registrations));
		Mocks.register("sendNotificationDelegate", new RecordingDelegate());
		Mocks.register("notifyCandidateGroupsListener", new RecordingTaskListener());
	}

	@AfterEach
	void resetBeans() {
		Mocks.reset();
	}

	@Test
	void completeWithAnInvalidDecisionIsA400WithTheVietnameseMessage() {
		ProcessInstance review = start();

		Throwable failure = catchThrowable(() -> resource(review).complete(completion("MAYBE", null)));

		assertThat(ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode()).isEqualTo(400);
		assertThat(failure).hasMessageContaining("Quyết định \"MAYBE\" không hợp lệ. Giá trị hợp lệ: APPROVE, RETURN, REJECT.");
		assertThat(review).isWaitingAt(Ids.REVIEW_REGISTRATION);
		verify(registrations, never()).recordHistory(anyString(), anyString(), any(), any(), any());
	}

	@Test
	void submitFormReturningWithoutACommentIsA400() {
		ProcessInstance review = start();

		Throwable failure = catchThrowable(() -> resource(review).submit(completion("RETURN", "")));

		assertThat(ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode()).isEqualTo(400);
		assertThat(failure).hasMessageContaining("Khi trả lại để chỉnh sửa phải ghi rõ ý kiến, lý do");
		assertThat(review).isWaitingAt(Ids.REVIEW_REGISTRATION);
	}

	@Test
	void validCompletionIsA204() {
		ProcessInstance review = start();

		int status = resource(review).complete(completion("RETURN", "Bổ sung ảnh minh họa.")).getStatus();

		assertThat(status).isEqualTo(204);
		assertThat(review).isEnded();
		verify(registrations).recordHistory("DK-1", "RETURNED", "tinh", null, "Bổ sung ảnh minh họa.");
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(LevelReviewProcess.KEY, "DK-1",
				Map.of(Vars.REGISTRATION_CODE, "DK-1", Vars.REGISTRATION_NAME, "Mô hình thử", Vars.UNIT_NAME,
						"Xã Cam Lâm", Vars.REVIEW_UNIT_CODE, "tinh"));
	}

	private TaskResourceImpl resource(ProcessInstance review) {
		return new TaskResourceImpl(processEngine, task(review).getId(), "/engine-rest", new ObjectMapper(), false,
				false, false);
	}

	private static CompleteTaskDto completion(String decision, String comment) {
		Map<String, VariableValueDto> variables = new LinkedHashMap<>();
		variables.put(Vars.DECISION, string(decision));
		variables.put(Vars.COMMENT, string(comment));
		CompleteTaskDto dto = new CompleteTaskDto();
		dto.setVariables(variables);
		return dto;
	}

	private static VariableValueDto string(String value) {
		VariableValueDto dto = new VariableValueDto();
		dto.setType("String");
		dto.setValue(value);
		return dto;
	}

}
