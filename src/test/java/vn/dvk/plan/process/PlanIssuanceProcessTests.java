package vn.dvk.plan.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dvk.plan.process.PlanIssuanceProcess.Ids;
import vn.dvk.plan.process.PlanIssuanceProcess.Vars;
import vn.dvk.review.DecisionContract;
import vn.dvk.review.process.ReviewProcessBeans;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;

@Deployment(resources = { "bpmn/PlanIssuanceProcess.bpmn", "bpmn/forms/approve-plan.form", "bpmn/forms/revise-plan.form" })
class PlanIssuanceProcessTests {

	/**
	 * In-memory H2 engine of the process tier. Its configuration file is not named camunda.cfg.xml:
	 * that name would make ProcessEngines build a second "default" engine inside the application.
	 */
	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	static final String PLAN = "KH-2026-01";

	static final String TITLE = "Kế hoạch thi đua “Dân vận khéo” năm 2026";

	ProcessEngine processEngine;

	final RecordingDelegate planStatus = new RecordingDelegate();

	final RecordingDelegate publishPlan = new RecordingDelegate();

	final RecordingDelegate remindUnregisteredUnits = new RecordingDelegate();

	final RecordingDelegate notifications = new RecordingDelegate();

	final RecordingTaskListener candidateGroupsNotified = new RecordingTaskListener();

	final Date reminderAt = Date.from(Instant.now().plus(Duration.ofDays(25)));

	final Date deadline = Date.from(Instant.now().plus(Duration.ofDays(30)));

	final Date evaluationOpensAt = Date.from(Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

	final Date resultReportDeadline = Date.from(Instant.now().plus(Duration.ofDays(70)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

	final RecordingDelegate openEvaluation = new RecordingDelegate();

	final RecordingDelegate markOverdueResultReports = new RecordingDelegate();

	volatile Date seasonOpensAt;

	volatile Date seasonReportsDue;

	@BeforeEach
	void registerBeans() {
		Mocks.register("updatePlanStatusDelegate", planStatus);
		Mocks.register("publishPlanDelegate", publishPlan);
		Mocks.register("remindUnregisteredUnitsDelegate", remindUnregisteredUnits);
		Mocks.register("scheduleSeasonDelegate", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
			execution.setVariable(Vars.EVALUATION_OPENS_AT, seasonOpensAt);
			execution.setVariable(Vars.RESULT_REPORT_DEADLINE, seasonReportsDue);
			execution.setVariable(Vars.SEASON_SCHEDULED, seasonOpensAt != null && seasonReportsDue != null);
		});
		Mocks.register("openEvaluationDelegate", openEvaluation);
		Mocks.register("markOverdueResultReportsDelegate", markOverdueResultReports);
		Mocks.register("sendNotificationDelegate", notifications);
		Mocks.register("notifyCandidateGroupsListener", candidateGroupsNotified);
		Mocks.register("decisionContractListener", ReviewProcessBeans.decisionContractListener());
	}

	@AfterEach
	void resetBeans() {
		Mocks.reset();
	}

	@Test
	void submittedPlanWaitsForTheApproversWithItsTitle() {
		ProcessInstance plan = start();

		assertThat(plan).isWaitingAt(Ids.APPROVE_PLAN).hasPassed(Ids.MARK_IN_APPROVAL);
		assertThat(plan).isWaitingAt(Ids.APPROVE_PLAN).task().hasCandidateGroup("plan-approvers");
		assertThat(task(plan).getName()).isEqualTo("Phê duyệt kế hoạch: " + TITLE);
		assertThat(planStatus.statuses()).containsExactly("IN_APPROVAL");
		assertThat(candidateGroupsNotified.events()).containsExactly(Ids.APPROVE_PLAN + ":create");
	}

	@Test
	void approvedPlanIsPublishedAnnouncedAndItsRegistrationPeriodWatched() {
		ProcessInstance plan = start();

		complete(plan, "APPROVE", null);

		assertThat(plan).hasPassed(Ids.PUBLISH_PLAN, Ids.NOTIFY_UNITS_IN_SCOPE)
			.isWaitingAt(Ids.REMINDER_DUE, Ids.REGISTRATION_DEADLINE);
		assertThat(publishPlan.calls()).hasSize(1);
		RecordingDelegate.Call announcement = notifications.onlyCallAt(Ids.NOTIFY_UNITS_IN_SCOPE);
		assertThat(announcement.input("mailTemplate")).isEqualTo("plan-published");
		assertThat(RecordingDelegate.recipients(announcement)).containsExactly("unit-xa-cam-lam", "unit-so-y-te");
		assertThat(timer(plan, Ids.REMINDER_DUE).getDuedate()).isEqualTo(reminderAt);
		assertThat(timer(plan, Ids.REGISTRATION_DEADLINE).getDuedate()).isEqualTo(deadline);
	}

	@Test
	void reminderTimerRemindsUnitsThatHaveNotRegistered() {
		ProcessInstance plan = start();
		complete(plan, "APPROVE", null);

		managementService().executeJob(timer(plan, Ids.REMINDER_DUE).getId());

		assertThat(plan).hasPassed(Ids.REMIND_UNREGISTERED_UNITS, Ids.END_REMINDERS_SENT)
			.isWaitingAt(Ids.REGISTRATION_DEADLINE);
		assertThat(remindUnregisteredUnits.calls()).hasSize(1);
	}

	@Test
	void deadlineTimerClosesRegistration() {
		ProcessInstance plan = start();
		complete(plan, "APPROVE", null);
		managementService().executeJob(timer(plan, Ids.REMINDER_DUE).getId());

		managementService().executeJob(timer(plan, Ids.REGISTRATION_DEADLINE).getId());

		assertThat(plan).hasPassed(Ids.CLOSE_REGISTRATION, Ids.SCHEDULE_SEASON)
			.isWaitingAt(Ids.WAIT_FOR_SEASON_SCHEDULE);
		assertThat(planStatus.statuses()).containsExactly("IN_APPROVAL", "REGISTRATION_CLOSED");
	}

	@Test
	void deadlineStartedMidProcessClosesRegistration() {
		ProcessInstance plan = runtimeService().createProcessInstanceByKey(PlanIssuanceProcess.KEY)
			.businessKey(PLAN)
			.startBeforeActivity(Ids.REGISTRATION_DEADLINE)
			.setVariables(variables())
			.execute();

		season(evaluationOpensAt, resultReportDeadline);

		managementService().executeJob(timer(plan, Ids.REGISTRATION_DEADLINE).getId());

		assertThat(plan).hasPassed(Ids.CLOSE_REGISTRATION, Ids.SCHEDULE_SEASON).isWaitingAt(Ids.EVALUATION_OPENS);
		assertThat(planStatus.statuses()).containsExactly("REGISTRATION_CLOSED");
		assertThat(timer(plan, Ids.EVALUATION_OPENS).getDuedate()).isEqualTo(evaluationOpensAt);
	}

	@Test
	void evaluationTimerOpensTheEvaluationAndTheReportDeadlineMarksLateReports() {
		season(evaluationOpensAt, resultReportDeadline);
		ProcessInstance plan = afterRegistrationDeadline();

		managementService().executeJob(timer(plan, Ids.EVALUATION_OPENS).getId());

		assertThat(plan).hasPassed(Ids.MARK_IN_EVALUATION, Ids.OPEN_EVALUATION)
			.isWaitingAt(Ids.RESULT_REPORT_DEADLINE);
		assertThat(planStatus.statuses()).containsExactly("REGISTRATION_CLOSED", "EVALUATION");
		assertThat(openEvaluation.calls()).hasSize(1);
		assertThat(markOverdueResultReports.calls()).isEmpty();
		assertThat(timer(plan, Ids.RESULT_REPORT_DEADLINE).getDuedate()).isEqualTo(resultReportDeadline);

		managementService().executeJob(timer(plan, Ids.RESULT_REPORT_DEADLINE).getId());

		assertThat(plan).hasPassed(Ids.MARK_OVERDUE_RESULT_REPORTS, Ids.END_RESULT_REPORTS_CLOSED).isEnded();
		assertThat(markOverdueResultReports.calls()).hasSize(1);
	}

	@Test
	void withoutSeasonDatesTheProcessWaitsUntilTheDrafterSetsThem() {
		ProcessInstance plan = afterRegistrationDeadline();
		assertThat(plan).isWaitingAt(Ids.WAIT_FOR_SEASON_SCHEDULE);
		assertThat(managementService().createJobQuery().processInstanceId(plan.getId()).count()).isZero();

		season(evaluationOpensAt, resultReportDeadline);
		runtimeService().createMessageCorrelation(PlanIssuanceProcess.Messages.SEASON_SCHEDULED)
			.processInstanceBusinessKey(PLAN)
			.correlate();

		assertThat(plan).isWaitingAt(Ids.EVALUATION_OPENS);
		assertThat(runtimeService().getVariable(plan.getId(), Vars.SEASON_SCHEDULED)).isEqualTo(true);
		assertThat(timer(plan, Ids.EVALUATION_OPENS).getDuedate()).isEqualTo(evaluationOpensAt);
	}

	private ProcessInstance afterRegistrationDeadline() {
		ProcessInstance plan = runtimeService().createProcessInstanceByKey(PlanIssuanceProcess.KEY)
			.businessKey(PLAN)
			.startBeforeActivity(Ids.REGISTRATION_DEADLINE)
			.setVariables(variables())
			.execute();
		managementService().executeJob(timer(plan, Ids.REGISTRATION_DEADLINE).getId());
		return plan;
	}

	/** What scheduleSeasonDelegate would read from the plan's rules (null: not set). */
	private void season(Date opensAt, Date reportsDue) {
		seasonOpensAt = opensAt;
		seasonReportsDue = reportsDue;
	}

	@Test
	void returnedPlanGoesToTheDraftersWithTheCommentAndBackToApproval() {
		ProcessInstance plan = start();

		complete(plan, "RETURN", "Bổ sung tiêu chí lĩnh vực quốc phòng – an ninh.");

		assertThat(plan).hasPassed(Ids.MARK_RETURNED).isWaitingAt(Ids.REVISE_PLAN);
		assertThat(plan).task().hasCandidateGroup("plan-drafters").hasName("Chỉnh sửa kế hoạch: " + TITLE);
		assertThat(plan).variables().containsEntry(Vars.DECISION, "RETURN")
			.containsEntry(Vars.COMMENT, "Bổ sung tiêu chí lĩnh vực quốc phòng – an ninh.");

		taskService().complete(task(plan).getId());

		assertThat(plan).isWaitingAt(Ids.APPROVE_PLAN);
		assertThat(planStatus.statuses()).containsExactly("IN_APPROVAL", "RETURNED", "IN_APPROVAL");
	}

	@Test
	void secondApprovalRoundNeedsAFreshDecision() {
		ProcessInstance plan = start();
		complete(plan, "RETURN", "Sửa thời hạn đăng ký.");
		taskService().complete(task(plan).getId());

		// the first round's RETURN with its comment must not count as the second round's decision
		assertThatThrownBy(() -> taskService().complete(task(plan).getId()))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class)
			.hasMessageContaining("Chưa chọn quyết định");
		assertThat(plan).isWaitingAt(Ids.APPROVE_PLAN);
	}

	@Test
	void rejectedPlanEnds() {
		ProcessInstance plan = runtimeService().createProcessInstanceByKey(PlanIssuanceProcess.KEY)
			.businessKey(PLAN)
			.startBeforeActivity(Ids.APPROVE_PLAN)
			.setVariables(variables())
			.execute();

		complete(plan, "REJECT", "Trùng nội dung với Kế hoạch số 12-KH/BTGDV.");

		assertThat(plan).hasPassed(Ids.MARK_REJECTED, Ids.END_PLAN_REJECTED).isEnded();
		assertThat(planStatus.statuses()).containsExactly("REJECTED");
		assertThat(publishPlan.calls()).isEmpty();
	}

	@Test
	void returnStartedMidProcessWaitsForRevision() {
		ProcessInstance plan = runtimeService().createProcessInstanceByKey(PlanIssuanceProcess.KEY)
			.businessKey(PLAN)
			.startBeforeActivity(Ids.MARK_RETURNED)
			.setVariables(variables())
			.execute();

		assertThat(plan).isWaitingAt(Ids.REVISE_PLAN).task().hasCandidateGroup("plan-drafters");
		assertThat(candidateGroupsNotified.events()).containsExactly(Ids.REVISE_PLAN + ":create");
	}

	@Test
	void publicationStartedMidProcessAnnouncesThePlan() {
		ProcessInstance plan = runtimeService().createProcessInstanceByKey(PlanIssuanceProcess.KEY)
			.businessKey(PLAN)
			.startBeforeActivity(Ids.PUBLISH_PLAN)
			.setVariables(variables())
			.execute();

		assertThat(plan).isWaitingAt(Ids.REMINDER_DUE, Ids.REGISTRATION_DEADLINE);
		assertThat(notifications.onlyCallAt(Ids.NOTIFY_UNITS_IN_SCOPE).input("mailTemplate")).isEqualTo("plan-published");
	}

	@Test
	void approvalOutsideTheContractFailsAndLeavesTheTaskOpen() {
		ProcessInstance plan = start();
		String taskId = task(plan).getId();

		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Vars.DECISION, "MAYBE")))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class)
			.hasMessage("Quyết định \"MAYBE\" không hợp lệ. Giá trị hợp lệ: APPROVE, RETURN, REJECT.");
		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Vars.DECISION, "RETURN")))
			.hasMessageContaining("phải ghi rõ ý kiến");
		assertThatThrownBy(() -> taskService().complete(taskId, Map.of(Vars.DECISION, "REJECT", Vars.COMMENT, "  ")))
			.hasMessageContaining("phải ghi rõ ý kiến");

		assertThat(plan).isWaitingAt(Ids.APPROVE_PLAN);
		assertThat(taskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(runtimeService().getVariable(plan.getId(), Vars.DECISION)).isNull();
		assertThat(planStatus.statuses()).containsExactly("IN_APPROVAL");
	}

	private ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(PlanIssuanceProcess.KEY, PLAN, variables());
	}

	private Map<String, Object> variables() {
		return Map.of(Vars.PLAN_CODE, PLAN, Vars.PLAN_TITLE, TITLE, Vars.SUBMITTED_BY, "drafter",
				Vars.REGISTRATION_DEADLINE, deadline, Vars.REGISTRATION_REMINDER_AT, reminderAt, Vars.SCOPE_UNIT_GROUPS,
				new ArrayList<>(List.of("unit-xa-cam-lam", "unit-so-y-te")));
	}

	private static void complete(ProcessInstance plan, String decision, String comment) {
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(Vars.DECISION, decision);
		variables.put(Vars.COMMENT, comment);
		taskService().complete(task(plan).getId(), variables);
	}

	private static Job timer(ProcessInstance plan, String activityId) {
		return managementService().createJobQuery()
			.processInstanceId(plan.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

}
