package vn.dvk.review.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dvk.plan.PlanService;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.RegistrationService;
import vn.dvk.review.DecisionContract;
import vn.dvk.review.process.LevelReviewProcess.Ids;
import vn.dvk.review.process.LevelReviewProcess.Vars;
import vn.dvk.testsupport.Fixtures;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = { "bpmn/LevelReviewProcess.bpmn", "bpmn/forms/review-registration.form" })
class LevelReviewProcessTests {

	/**
	 * In-memory H2 engine of the process tier. Its configuration file is not named camunda.cfg.xml:
	 * that name would make ProcessEngines build a second "default" engine inside the application.
	 */
	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	static final String REVIEWER_UNIT = Fixtures.DISTRICT;

	ProcessEngine processEngine;

	final RegistrationService registrations = mock(RegistrationService.class);

	final PlanService plans = mock(PlanService.class);

	final RecordingDelegate notifications = new RecordingDelegate();

	final RecordingTaskListener candidateGroupsNotified = new RecordingTaskListener();

	@BeforeEach
	void registerBeans() {
		when(registrations.find(Fixtures.REGISTRATION))
			.thenReturn(Optional.of(Fixtures.registration(Fixtures.COMMUNE_UNDER_DISTRICT)));
		when(registrations.attachments(Fixtures.REGISTRATION)).thenReturn(List.of(new AttachmentInfo(7,
				Fixtures.REGISTRATION, "ke-hoach-xa.pdf", "application/pdf", 250_000, "ab", "head", NOW)));
		when(registrations.history(Fixtures.REGISTRATION)).thenReturn(List.of());
		when(plans.find(Fixtures.PLAN)).thenReturn(Optional.of(Fixtures.plan()));
		Mocks.register("prepareReviewDelegate", new PrepareReviewDelegate(registrations, plans,
				Fixtures.organization(), Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"))));
		Mocks.register("recordReviewDecisionListener", new RecordReviewDecisionListener(registrations));
		Mocks.register("sendNotificationDelegate", notifications);
		Mocks.register("notifyCandidateGroupsListener", candidateGroupsNotified);
	}

	@AfterEach
	void resetBeans() {
		Mocks.reset();
	}

	@Test
	void reviewTaskGoesToTheCommitteeOfTheReviewingUnitWithEverythingToJudge() {
		ProcessInstance review = start();

		assertThat(review).hasPassed(Ids.PREPARE_REVIEW).isWaitingAt(Ids.REVIEW_REGISTRATION);
		assertThat(review).task().hasCandidateGroup("reviewers-" + REVIEWER_UNIT)
			.hasName("Thẩm định: Dân vận khéo trong xây dựng nông thôn mới — Xã Cam Hải Đông")
			.hasDueDate(Date.from(NOW.plus(Duration.ofDays(5))));
		assertThat(review).variables()
			.containsEntry(Vars.REVIEW_UNIT_NAME, "Huyện Cam Lâm (trước 01/07/2025)")
			.containsEntry(Vars.FIELD_NAME, "Kinh tế")
			.containsEntry(Vars.KIND_NAME, "Mô hình")
			.containsEntry(Vars.PLAN_TITLE, "Kế hoạch thi đua “Dân vận khéo” năm 2026")
			.containsEntry(Vars.SITUATION, "Đường giao thông nông thôn xuống cấp")
			.containsEntry(Vars.SUSTAINABILITY, "Nhân rộng ra các thôn khác")
			.containsEntry(Vars.ATTACHMENT_LINKS,
					"- [ke-hoach-xa.pdf](/registrations/DK-2026-000123/attachments/7) (244,1 KB)")
			.containsEntry(Vars.ESCALATION_DATE, Date.from(NOW.plus(Duration.ofDays(10))));
		assertThat(candidateGroupsNotified.events()).containsExactly(Ids.REVIEW_REGISTRATION + ":create");
	}

	@Test
	void approvalEndsTheLevelAndIsRecordedWithTheReviewer() {
		ProcessInstance review = start();
		taskService().claim(task(review).getId(), "reviewer-huyen-cam-lam");

		complete(review, "APPROVE", null);

		assertThat(review).hasPassed(Ids.END_LEVEL_REVIEW_COMPLETED).isEnded();
		verify(registrations).recordHistory(Fixtures.REGISTRATION, "APPROVED", REVIEWER_UNIT, "reviewer-huyen-cam-lam",
				null);
	}

	@Test
	void returnIsRecordedWithItsComment() {
		ProcessInstance review = start();
		processEngine.getIdentityService().setAuthenticatedUserId("reviewer-huyen-cam-lam");
		try {
			complete(review, "RETURN", " Bổ sung dự toán kinh phí. ");
		}
		finally {
			processEngine.getIdentityService().clearAuthentication();
		}

		assertThat(review).isEnded();
		verify(registrations).recordHistory(Fixtures.REGISTRATION, "RETURNED", REVIEWER_UNIT, "reviewer-huyen-cam-lam",
				"Bổ sung dự toán kinh phí.");
	}

	@Test
	void overdueReviewRemindsTheCommitteeAndKeepsTheTaskOpen() {
		ProcessInstance review = start();
		assertThat(timer(review, Ids.REVIEW_OVERDUE).getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(5))));

		managementService().executeJob(timer(review, Ids.REVIEW_OVERDUE).getId());

		assertThat(review).hasPassed(Ids.REMIND_REVIEWERS, Ids.END_REVIEWERS_REMINDED)
			.isWaitingAt(Ids.REVIEW_REGISTRATION);
		RecordingDelegate.Call reminder = notifications.onlyCallAt(Ids.REMIND_REVIEWERS);
		assertThat(reminder.input("mailTemplate")).isEqualTo("review-overdue");
		assertThat(RecordingDelegate.recipients(reminder)).containsExactly("reviewers-" + REVIEWER_UNIT);
	}

	@Test
	void reviewStillOpenAtTheEscalationDateIsReportedToTheReviewingUnitsHead() {
		ProcessInstance review = start();
		assertThat(timer(review, Ids.REVIEW_ESCALATION_OVERDUE).getDuedate())
			.isEqualTo(Date.from(NOW.plus(Duration.ofDays(10))));

		managementService().executeJob(timer(review, Ids.REVIEW_ESCALATION_OVERDUE).getId());

		assertThat(review).hasPassed(Ids.ESCALATE_TO_UNIT_HEAD, Ids.END_REVIEW_ESCALATED)
			.isWaitingAt(Ids.REVIEW_REGISTRATION);
		RecordingDelegate.Call escalation = notifications.onlyCallAt(Ids.ESCALATE_TO_UNIT_HEAD);
		assertThat(escalation.input("mailTemplate")).isEqualTo("review-escalated");
		assertThat(RecordingDelegate.recipients(escalation)).containsExactly("unit-" + REVIEWER_UNIT);
	}

	@Test
	void reviewStartedMidProcessUsesTheGivenDates() {
		Date due = Date.from(NOW.plus(Duration.ofDays(3)));
		Map<String, Object> variables = new HashMap<>(variables());
		variables.put(Vars.REVIEW_DUE_DATE, due);
		variables.put(Vars.ESCALATION_DATE, Date.from(NOW.plus(Duration.ofDays(6))));
		ProcessInstance review = runtimeService().createProcessInstanceByKey(LevelReviewProcess.KEY)
			.businessKey(Fixtures.REGISTRATION)
			.startBeforeActivity(Ids.REVIEW_REGISTRATION)
			.setVariables(variables)
			.execute();

		assertThat(review).isWaitingAt(Ids.REVIEW_REGISTRATION).task().hasDueDate(due);
		complete(review, "REJECT", "Không thuộc lĩnh vực của kế hoạch.");
		assertThat(review).isEnded();
		verify(registrations).recordHistory(Fixtures.REGISTRATION, "REJECTED", REVIEWER_UNIT, null,
				"Không thuộc lĩnh vực của kế hoạch.");
	}

	@Test
	void decisionOutsideTheContractFailsRecordsNothingAndLeavesTheTaskOpen() {
		ProcessInstance review = start();
		String taskId = task(review).getId();

		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Vars.DECISION, "ACCEPT")))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class)
			.hasMessageContaining("Quyết định \"ACCEPT\" không hợp lệ. Giá trị hợp lệ: APPROVE, RETURN, REJECT.");
		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Vars.DECISION, "RETURN")))
			.hasMessageContaining("Khi trả lại để chỉnh sửa phải ghi rõ ý kiến, lý do");
		assertThatThrownBy(() -> taskService().complete(taskId))
			.hasMessageContaining("Chưa chọn quyết định");

		assertThat(review).isWaitingAt(Ids.REVIEW_REGISTRATION);
		assertThat(runtimeService().getVariable(review.getId(), Vars.DECISION)).isNull();
		verify(registrations, never()).recordHistory(anyString(), anyString(), any(), any(), any());
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(LevelReviewProcess.KEY, Fixtures.REGISTRATION, variables());
	}

	private static Map<String, Object> variables() {
		return Map.of(Vars.REGISTRATION_CODE, Fixtures.REGISTRATION, Vars.REGISTRATION_NAME,
				"Dân vận khéo trong xây dựng nông thôn mới", Vars.UNIT_CODE, Fixtures.COMMUNE_UNDER_DISTRICT,
				Vars.UNIT_NAME, "Xã Cam Hải Đông", "planCode", Fixtures.PLAN, Vars.REVIEW_UNIT_CODE, REVIEWER_UNIT,
				Vars.REVIEW_DAYS, 5, Vars.ESCALATION_DAYS, 10);
	}

	private static void complete(ProcessInstance review, String decision, String comment) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.DECISION, decision);
		variables.put(Vars.COMMENT, comment);
		taskService().complete(task(review).getId(), variables);
	}

	private static Job timer(ProcessInstance review, String activityId) {
		return managementService().createJobQuery()
			.processInstanceId(review.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

}
