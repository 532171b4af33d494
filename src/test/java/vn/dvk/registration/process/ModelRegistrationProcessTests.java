package vn.dvk.registration.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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
import org.mockito.InOrder;

import org.springframework.beans.factory.ObjectProvider;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.SeasonDates;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.ResultReport;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.process.ModelRegistrationProcess.Ids;
import vn.dvk.registration.process.ModelRegistrationProcess.Vars;
import vn.dvk.review.process.LevelReviewProcess;
import vn.dvk.review.process.ReviewProcessBeans;
import vn.dvk.shared.DvkException;
import vn.dvk.testsupport.Fixtures;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

@Deployment(resources = { "bpmn/ModelRegistrationProcess.bpmn", "bpmn/LevelReviewProcess.bpmn",
		"bpmn/ReviewRouteDecision.dmn", "bpmn/forms/review-registration.form",
		"bpmn/forms/revise-registration.form", "bpmn/forms/file-result-report.form" })
class ModelRegistrationProcessTests {

	/**
	 * In-memory H2 engine of the process tier. Its configuration file is not named camunda.cfg.xml:
	 * that name would make ProcessEngines build a second "default" engine inside the application.
	 */
	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	static final String NAME = "Dân vận khéo trong xây dựng nông thôn mới";

	ProcessEngine processEngine;

	final RegistrationService registrations = mock(RegistrationService.class);

	final PlanService plans = mock(PlanService.class);

	final RecordingDelegate registrationStatus = new RecordingDelegate();

	final RecordingDelegate notifications = new RecordingDelegate();

	final RecordingTaskListener candidateGroupsNotified = new RecordingTaskListener();

	@BeforeEach
	void registerBeans() {
		when(registrations.find(Fixtures.REGISTRATION))
			.thenReturn(Optional.of(Fixtures.registration(Fixtures.COMMUNE_UNDER_DISTRICT)));
		when(plans.find(Fixtures.PLAN)).thenReturn(Optional.of(Fixtures.plan()));
		Mocks.register("updateRegistrationStatusDelegate", registrationStatus);
		Mocks.register("sendNotificationDelegate", notifications);
		Mocks.register("notifyCandidateGroupsListener", candidateGroupsNotified);
		Mocks.register("resolveReviewUnitsDelegate", ReviewProcessBeans.resolveReviewUnitsDelegate(Fixtures.organization()));
		Mocks.register("prepareReviewDelegate", ReviewProcessBeans.prepareReviewDelegate(registrations, plans,
				Fixtures.organization(), Clock.systemDefaultZone()));
		Mocks.register("recordReviewDecisionListener", ReviewProcessBeans.recordReviewDecisionListener(registrations));
		Mocks.register("resultReportFiledListener", new ResultReportFiledListener(registrations));
		Mocks.register("recordRecognitionDelegate", new RecordRecognitionDelegate(registrations));
		Mocks.register(CheckEvaluationOpenedDelegate.BEAN, new CheckEvaluationOpenedDelegate(plans, clock()));
	}

	@AfterEach
	void resetBeans() {
		Mocks.reset();
	}

	@Test
	void communeUnderADistrictIsReviewedByTheDistrictThenTheProvinceAndAccepted() {
		ProcessInstance registration = start(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "EVERY_LEVEL");

		assertThat(registration).hasPassed(Ids.CONFIRM_RECEIPT, Ids.DETERMINE_REVIEW_ROUTE, Ids.RESOLVE_REVIEW_UNITS,
				Ids.MARK_IN_REVIEW)
			.isWaitingAt(Ids.REVIEW_AT_EACH_LEVEL);
		RecordingDelegate.Call receipt = notifications.onlyCallAt(Ids.CONFIRM_RECEIPT);
		assertThat(receipt.input("mailTemplate")).isEqualTo("registration-received");
		assertThat(RecordingDelegate.recipients(receipt)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
		assertThat(registration).variables()
			.containsEntry(Vars.REVIEW_LEVELS, List.of("DISTRICT", "PROVINCE"))
			.containsEntry(Vars.REVIEW_UNIT_CODES, List.of(Fixtures.DISTRICT, Fixtures.PROVINCE));

		ProcessInstance firstLevel = calledProcessInstance(registration);
		assertThat(firstLevel).hasBusinessKey(Fixtures.REGISTRATION)
			.isWaitingAt(LevelReviewProcess.Ids.REVIEW_REGISTRATION)
			.task()
			.hasCandidateGroup("reviewers-" + Fixtures.DISTRICT);
		decide(firstLevel, "APPROVE", null);

		ProcessInstance secondLevel = calledProcessInstance(registration);
		assertThat(secondLevel).isWaitingAt(LevelReviewProcess.Ids.REVIEW_REGISTRATION)
			.task()
			.hasCandidateGroup("reviewers-" + Fixtures.PROVINCE);
		decide(secondLevel, "APPROVE", null);

		assertThat(registration).hasPassed(Ids.MARK_ACCEPTED, Ids.NOTIFY_ACCEPTED).isWaitingAt(Ids.WAIT_FOR_EVALUATION);
		assertThat(registrationStatus.statuses()).containsExactly("IN_REVIEW", "ACCEPTED");
		RecordingDelegate.Call accepted = notifications.onlyCallAt(Ids.NOTIFY_ACCEPTED);
		assertThat(accepted.input("mailTemplate")).isEqualTo("registration-accepted");
		assertThat(RecordingDelegate.recipients(accepted)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
		InOrder history = inOrder(registrations);
		history.verify(registrations).recordHistory(Fixtures.REGISTRATION, "APPROVED", Fixtures.DISTRICT, null, null);
		history.verify(registrations).recordHistory(Fixtures.REGISTRATION, "APPROVED", Fixtures.PROVINCE, null, null);
	}

	@Test
	void approvalAtTheFirstLevelAndReturnAtTheSecondReturnsTheRegistration() {
		ProcessInstance registration = start(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "EVERY_LEVEL");
		decide(calledProcessInstance(registration), "APPROVE", null);

		decide(calledProcessInstance(registration), "RETURN", "Bổ sung nguồn lực thực hiện.");

		assertThat(registration).hasPassed(Ids.GATEWAY_REVIEW_OUTCOME, Ids.MARK_RETURNED, Ids.NOTIFY_RETURNED)
			.hasNotPassed(Ids.MARK_ACCEPTED)
			.isWaitingAt(Ids.REVISE_REGISTRATION);
		assertThat(registration).variables()
			.containsEntry(Vars.DECISION, "RETURN")
			.containsEntry(Vars.COMMENT, "Bổ sung nguồn lực thực hiện.");
		assertThat(registration).task()
			.hasCandidateGroup("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT)
			.hasName("Chỉnh sửa đăng ký: " + NAME);
		assertThat(registrationStatus.statuses()).containsExactly("IN_REVIEW", "RETURNED");
		RecordingDelegate.Call returned = notifications.onlyCallAt(Ids.NOTIFY_RETURNED);
		assertThat(returned.input("mailTemplate")).isEqualTo("registration-returned");
		assertThat(RecordingDelegate.recipients(returned)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
	}

	@Test
	void resubmissionRestartsTheReviewFromTheFirstLevel() {
		ProcessInstance registration = start(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "EVERY_LEVEL");
		decide(calledProcessInstance(registration), "RETURN", "Nêu rõ địa bàn thực hiện.");

		taskService().complete(task(registration).getId());

		assertThat(registration).hasPassed(Ids.MARK_RESUBMITTED).isWaitingAt(Ids.REVIEW_AT_EACH_LEVEL);
		RecordingDelegate.Call resubmitted = registrationStatus.onlyCallAt(Ids.MARK_RESUBMITTED);
		assertThat(resubmitted.input("status")).isEqualTo("SUBMITTED");
		assertThat(resubmitted.input("action")).isEqualTo("RESUBMITTED");
		assertThat(registrationStatus.statuses()).containsExactly("IN_REVIEW", "RETURNED", "SUBMITTED", "IN_REVIEW");
		ProcessInstance again = calledProcessInstance(registration);
		assertThat(again).hasBusinessKey(Fixtures.REGISTRATION)
			.task()
			.hasCandidateGroup("reviewers-" + Fixtures.DISTRICT);

		decide(again, "APPROVE", null);
		decide(calledProcessInstance(registration), "APPROVE", null);
		assertThat(registration).hasPassed(Ids.NOTIFY_ACCEPTED).isWaitingAt(Ids.WAIT_FOR_EVALUATION);
	}

	@Test
	void rejectionAtTheFirstLevelStopsTheReviewAndRejects() {
		ProcessInstance registration = start(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "EVERY_LEVEL");

		decide(calledProcessInstance(registration), "REJECT", "Trùng với mô hình đã đăng ký năm trước.");

		assertThat(registration).hasPassed(Ids.MARK_REJECTED, Ids.NOTIFY_REJECTED, Ids.END_REJECTED).isEnded();
		assertThat(runtimeService().createProcessInstanceQuery()
			.processDefinitionKey(LevelReviewProcess.KEY)
			.count()).isZero();
		assertThat(registrationStatus.statuses()).containsExactly("IN_REVIEW", "REJECTED");
		RecordingDelegate.Call rejected = notifications.onlyCallAt(Ids.NOTIFY_REJECTED);
		assertThat(rejected.input("mailTemplate")).isEqualTo("registration-rejected");
		assertThat(RecordingDelegate.recipients(rejected)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
	}

	@Test
	void departmentUnderTheProvinceIsReviewedByTheProvinceOnly() {
		ProcessInstance registration = start(Fixtures.DEPARTMENT, "PROVINCE", "PROVINCE", "EVERY_LEVEL");

		assertThat(registration).variables().containsEntry(Vars.REVIEW_UNIT_CODES, List.of(Fixtures.PROVINCE));
		assertThat(calledProcessInstance(registration)).task().hasCandidateGroup("reviewers-" + Fixtures.PROVINCE);
	}

	@Test
	void directParentModeSendsACommuneToItsDistrictOnly() {
		ProcessInstance registration = start(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "DIRECT_PARENT");

		assertThat(registration).variables().containsEntry(Vars.REVIEW_UNIT_CODES, List.of(Fixtures.DISTRICT));
		decide(calledProcessInstance(registration), "APPROVE", null);
		assertThat(registration).hasPassed(Ids.NOTIFY_ACCEPTED).isWaitingAt(Ids.WAIT_FOR_EVALUATION);
	}

	@Test
	void unitWithoutAReviewingLevelCannotBeRegistered() {
		assertThatThrownBy(() -> start(Fixtures.PROVINCE, "PROVINCE", null, "EVERY_LEVEL"))
			.isInstanceOf(DvkException.class)
			.hasMessage("review.route.empty");
		assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
	}

	@Test
	void returnStartedMidProcessWaitsForTheUnitsRevision() {
		ProcessInstance registration = startBefore(Ids.MARK_RETURNED, Map.of(Vars.DECISION, "RETURN", Vars.COMMENT,
				"Bổ sung ảnh minh họa."));

		assertThat(registration).isWaitingAt(Ids.REVISE_REGISTRATION)
			.task()
			.hasCandidateGroup("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
		assertThat(candidateGroupsNotified.events()).containsExactly(Ids.REVISE_REGISTRATION + ":create");
	}

	@Test
	void rejectionStartedMidProcessEndsRejected() {
		ProcessInstance registration = startBefore(Ids.GATEWAY_REVIEW_OUTCOME, Map.of(Vars.DECISION, "REJECT",
				Vars.COMMENT, "Không thuộc phạm vi kế hoạch."));

		assertThat(registration).hasPassed(Ids.END_REJECTED).isEnded();
		assertThat(registrationStatus.statuses()).containsExactly("REJECTED");
	}

	@Test
	void acceptanceStartedMidProcessNotifiesTheUnit() {
		ProcessInstance registration = startBefore(Ids.MARK_ACCEPTED, Map.of());

		assertThat(registration).hasPassed(Ids.NOTIFY_ACCEPTED).isWaitingAt(Ids.WAIT_FOR_EVALUATION);
		assertThat(notifications.onlyCallAt(Ids.NOTIFY_ACCEPTED).input("mailTemplate")).isEqualTo("registration-accepted");
	}

	// ---------------------------------------------------------------- after acceptance (issue 3)

	static final Date REPORT_DEADLINE = Date.from(Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));

	static final Date REMINDER_AT = Date.from(Instant.now().plus(Duration.ofDays(27)).truncatedTo(ChronoUnit.SECONDS));

	@Test
	void evaluationOpenedAsksTheUnitForAResultReportThenTheCouncilsDecisionSetsTheOutcome() {
		ProcessInstance registration = startBefore(Ids.WAIT_FOR_EVALUATION, Map.of());
		assertThat(registration).isWaitingAt(Ids.WAIT_FOR_EVALUATION);

		openEvaluation();

		assertThat(registration).hasPassed(Ids.REQUEST_RESULT_REPORT).isWaitingAt(Ids.FILE_RESULT_REPORT);
		RecordingDelegate.Call requested = notifications.onlyCallAt(Ids.REQUEST_RESULT_REPORT);
		assertThat(requested.input("mailTemplate")).isEqualTo("result-report-requested");
		assertThat(RecordingDelegate.recipients(requested)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
		Task report = task(registration);
		assertThat(report).hasCandidateGroup("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT)
			.hasName("Báo cáo kết quả: " + NAME);
		assertThat(report.getDueDate()).isEqualTo(REPORT_DEADLINE);

		when(registrations.resultReport(Fixtures.REGISTRATION)).thenReturn(Optional.of(new ResultReport(
				Fixtures.REGISTRATION, "Kết quả", "Sản phẩm", List.of(), List.of(), "head", Instant.now())));
		taskService().complete(report.getId());

		assertThat(registration).hasPassed(Ids.MARK_REPORTED).isWaitingAt(Ids.WAIT_FOR_RECOGNITION);
		assertThat(registrationStatus.statuses()).containsExactly("REPORTED");
		assertThat(managementService().createJobQuery().processInstanceId(registration.getId()).count())
			.as("the reminder timer is gone with the task").isZero();

		runtimeService().createMessageCorrelation(ModelRegistrationProcess.Messages.RECOGNITION_DECIDED)
			.processInstanceBusinessKey(Fixtures.REGISTRATION)
			.setVariable(Vars.RECOGNITION_OUTCOME, "RECOGNIZED_TYPICAL")
			.setVariable(Vars.DECISION_NUMBER, "12/QĐ-BTGDV")
			.correlate();

		assertThat(registration).hasPassed(Ids.RECORD_RECOGNITION, Ids.NOTIFY_RECOGNITION_DECIDED,
				Ids.END_RECOGNITION_DECIDED).isEnded();
		verify(registrations).changeStatus(Fixtures.REGISTRATION, RegistrationStatus.RECOGNIZED_TYPICAL,
				"RECOGNITION_DECIDED", null, null, "Quyết định số 12/QĐ-BTGDV");
		RecordingDelegate.Call decided = notifications.onlyCallAt(Ids.NOTIFY_RECOGNITION_DECIDED);
		assertThat(decided.input("mailTemplate")).isEqualTo("recognition-decided");
		assertThat(RecordingDelegate.recipients(decided)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
		assertThat(historyService().createHistoricVariableInstanceQuery()
			.processInstanceId(registration.getId())
			.variableName(Vars.RECOGNITION_OUTCOME_NAME)
			.singleResult()
			.getValue()).isEqualTo("Được công nhận tiêu biểu");
	}

	@Test
	void theReminderTimerEmailsTheUnitAndLeavesTheTaskOpen() {
		ProcessInstance registration = startBefore(Ids.WAIT_FOR_EVALUATION, Map.of());
		openEvaluation();
		Job reminder = managementService().createJobQuery()
			.processInstanceId(registration.getId())
			.activityId(Ids.RESULT_REPORT_REMINDER_DUE)
			.timers()
			.singleResult();
		assertThat(reminder.getDuedate()).isEqualTo(REMINDER_AT);

		managementService().executeJob(reminder.getId());

		assertThat(registration).hasPassed(Ids.REMIND_RESULT_REPORT, Ids.END_RESULT_REPORT_REMINDED)
			.isWaitingAt(Ids.FILE_RESULT_REPORT);
		RecordingDelegate.Call reminded = notifications.onlyCallAt(Ids.REMIND_RESULT_REPORT);
		assertThat(reminded.input("mailTemplate")).isEqualTo("result-report-reminder");
		assertThat(RecordingDelegate.recipients(reminded)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
	}

	@Test
	void completingTheReportTaskWithoutAFiledReportIsA400FromEngineRestAndTasklistAndChangesNothing() {
		ProcessInstance registration = startBefore(Ids.WAIT_FOR_EVALUATION, Map.of());
		openEvaluation();
		when(registrations.resultReport(Fixtures.REGISTRATION)).thenReturn(Optional.empty());
		TaskResourceImpl resource = new TaskResourceImpl(processEngine, task(registration).getId(), "/engine-rest",
				new ObjectMapper(), false, false, false);
		String message = "Đơn vị nộp báo cáo kết quả trên cổng thông tin (trang của bản đăng ký " + Fixtures.REGISTRATION
				+ ") hoặc qua API POST /api/registrations/" + Fixtures.REGISTRATION + "/result-report";

		Throwable complete = catchThrowable(() -> resource.complete(new CompleteTaskDto()));
		Throwable submitForm = catchThrowable(() -> resource.submit(new CompleteTaskDto()));
		Throwable java = catchThrowable(() -> taskService().complete(task(registration).getId()));

		for (Throwable failure : List.of(complete, submitForm)) {
			assertThat(ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode()).isEqualTo(400);
			assertThat(failure).hasMessageContaining(message)
				.hasMessageContaining("chưa có báo cáo kết quả nên không thể hoàn thành nhiệm vụ tại đây");
		}
		assertThat(java).isInstanceOf(ResultReportNotFiledException.class).hasMessageContaining(message);
		assertThat(registration).isWaitingAt(Ids.FILE_RESULT_REPORT);
		assertThat(registrationStatus.statuses()).isEmpty();
		assertThat(managementService().createJobQuery().processInstanceId(registration.getId()).timers().count())
			.as("the reminder timer is still there").isOne();
	}

	@Test
	void theReportTaskCompletesOnceTheReportIsFiled() {
		ProcessInstance registration = startBefore(Ids.WAIT_FOR_EVALUATION, Map.of());
		openEvaluation();
		when(registrations.resultReport(Fixtures.REGISTRATION)).thenReturn(Optional.of(new ResultReport(
				Fixtures.REGISTRATION, "Kết quả", "Sản phẩm", List.of(), List.of(), "head", Instant.now())));

		int status = new TaskResourceImpl(processEngine, task(registration).getId(), "/engine-rest",
				new ObjectMapper(), false, false, false).complete(new CompleteTaskDto()).getStatus();

		assertThat(status).isEqualTo(204);
		assertThat(registration).hasPassed(Ids.MARK_REPORTED).isWaitingAt(Ids.WAIT_FOR_RECOGNITION);
	}

	// ---------------------------------------------------------------- accepted after the evaluation opened

	@Test
	void acceptedAfterTheEvaluationOpenedIsAskedForItsReportAtOnceWithThePlansDeadline() {
		Instant deadline = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
		when(plans.require(Fixtures.PLAN)).thenReturn(Fixtures.plan());
		when(plans.openedEvaluation(Fixtures.PLAN))
			.thenReturn(Optional.of(new SeasonDates(Instant.now().minus(Duration.ofDays(1)), deadline, null, null, null)));
		ProcessInstance registration = start(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "EVERY_LEVEL");
		decide(calledProcessInstance(registration), "APPROVE", null);

		decide(calledProcessInstance(registration), "APPROVE", null);

		assertThat(registration)
			.hasPassed(Ids.MARK_ACCEPTED, Ids.NOTIFY_ACCEPTED, Ids.CHECK_EVALUATION_OPENED,
					Ids.GATEWAY_EVALUATION_ALREADY_OPEN, Ids.GATEWAY_EVALUATION_OPENED_OR_LATE, Ids.REQUEST_RESULT_REPORT)
			.hasNotPassed(Ids.WAIT_FOR_EVALUATION)
			.isWaitingAt(Ids.FILE_RESULT_REPORT);
		assertThat(registration).variables().containsEntry(Vars.EVALUATION_OPENED, true);
		assertThat(registrationStatus.statuses()).containsExactly("IN_REVIEW", "ACCEPTED");
		Task report = task(registration);
		assertThat(report).hasCandidateGroup("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT)
			.hasName("Báo cáo kết quả: " + NAME);
		assertThat(report.getDueDate()).isEqualTo(Date.from(deadline));
		assertThat(managementService().createJobQuery()
			.processInstanceId(registration.getId())
			.activityId(Ids.RESULT_REPORT_REMINDER_DUE)
			.timers()
			.singleResult()
			.getDuedate())
			.isEqualTo(Date.from(deadline.minus(Duration.ofDays(Fixtures.plan().reminderDaysBefore()))));
		RecordingDelegate.Call requested = notifications.onlyCallAt(Ids.REQUEST_RESULT_REPORT);
		assertThat(requested.input("mailTemplate")).isEqualTo("result-report-requested");
		assertThat(RecordingDelegate.recipients(requested)).containsExactly("unit-" + Fixtures.COMMUNE_UNDER_DISTRICT);
	}

	@Test
	void acceptedBeforeTheEvaluationOpensWaitsForIt() {
		when(plans.openedEvaluation(Fixtures.PLAN)).thenReturn(Optional.empty());

		ProcessInstance registration = startBefore(Ids.MARK_ACCEPTED, Map.of());

		assertThat(registration).hasPassed(Ids.CHECK_EVALUATION_OPENED, Ids.GATEWAY_EVALUATION_ALREADY_OPEN)
			.isWaitingAt(Ids.WAIT_FOR_EVALUATION);
		assertThat(registration).variables().containsEntry(Vars.EVALUATION_OPENED, false);
		verify(plans).openedEvaluation(Fixtures.PLAN);
	}

	@Test
	void anUnknownRecognitionOutcomeFailsTheCorrelationAndChangesNothing() {
		ProcessInstance registration = startBefore(Ids.WAIT_FOR_RECOGNITION, Map.of());

		assertThatThrownBy(() -> runtimeService().createMessageCorrelation(ModelRegistrationProcess.Messages.RECOGNITION_DECIDED)
			.processInstanceBusinessKey(Fixtures.REGISTRATION)
			.setVariable(Vars.RECOGNITION_OUTCOME, "MAYBE")
			.setVariable(Vars.DECISION_NUMBER, "12/QĐ-BTGDV")
			.correlate()).hasMessageContaining("RECOGNIZED_TYPICAL");

		assertThat(registration).isWaitingAt(Ids.WAIT_FOR_RECOGNITION);
		verify(registrations, never()).changeStatus(any(), any(), any(), any(), any(), any());
	}

	@Test
	void openEvaluationDelegateReachesEveryAcceptedRegistrationOfThePlan() {
		List<String> codes = List.of("DK-2026-000201", "DK-2026-000202", "DK-2026-000203");
		List<ProcessInstance> waiting = codes.stream().map(code -> {
			Map<String, Object> variables = variables(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT",
					"EVERY_LEVEL");
			variables.put(Vars.REGISTRATION_CODE, code);
			return runtimeService().createProcessInstanceByKey(ModelRegistrationProcess.KEY)
				.businessKey(code)
				.startBeforeActivity(Ids.WAIT_FOR_EVALUATION)
				.setVariables(variables)
				.execute();
		}).toList();
		ProcessInstance notAccepted = startBefore(Ids.WAIT_FOR_EVALUATION, Map.of());
		Instant deadline = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
		when(plans.require(Fixtures.PLAN)).thenReturn(Fixtures.plan());
		when(plans.rules(Fixtures.PLAN)).thenReturn(new PlanRules(PlanRules.defaultCriteria(), PlanRules.OUTCOMES, 50,
				85, PlanRules.defaultAwards(), new SeasonDates(Instant.now(), deadline, null, null, null)));
		when(registrations.inStatus(Fixtures.PLAN, RegistrationStatus.ACCEPTED, null))
			.thenReturn(codes.stream().map(code -> registration(code)).toList());
		DelegateExecution execution = mock(DelegateExecution.class);
		when(execution.getVariable("planCode")).thenReturn(Fixtures.PLAN);
		when(execution.getProcessEngineServices()).thenReturn(processEngine);
		ObjectProvider<Clock> clock = mock(ObjectProvider.class);
		when(clock.getIfAvailable(any())).thenReturn(Clock.systemUTC());

		new OpenEvaluationDelegate(plans, registrations, clock).execute(execution);

		for (ProcessInstance instance : waiting) {
			assertThat(instance).isWaitingAt(Ids.FILE_RESULT_REPORT);
			assertThat(task(instance).getDueDate()).isEqualTo(Date.from(deadline));
			Date reminderAt = (Date) runtimeService().getVariable(instance.getId(), Vars.RESULT_REPORT_REMINDER_AT);
			assertThat(reminderAt).isEqualTo(Date.from(deadline.minus(Duration.ofDays(Fixtures.plan().reminderDaysBefore()))));
		}
		assertThat(notAccepted).isWaitingAt(Ids.WAIT_FOR_EVALUATION);
	}

	@SuppressWarnings("unchecked")
	private static ObjectProvider<Clock> clock() {
		ObjectProvider<Clock> clock = mock(ObjectProvider.class);
		when(clock.getIfAvailable(any())).thenReturn(Clock.systemUTC());
		return clock;
	}

	private static Registration registration(String code) {
		Registration r = Fixtures.registration(Fixtures.COMMUNE_UNDER_DISTRICT);
		return new Registration(code, r.planCode(), r.unitCode(), r.kind(), r.field(), r.continuing(),
				r.previousRegistrationCode(), r.items(), RegistrationStatus.ACCEPTED, r.createdBy(), r.createdAt(),
				r.updatedAt(), r.submittedAt());
	}

	private static void openEvaluation() {
		runtimeService().createMessageCorrelation(ModelRegistrationProcess.Messages.EVALUATION_OPENED)
			.processInstanceBusinessKey(Fixtures.REGISTRATION)
			.setVariable(Vars.RESULT_REPORT_DEADLINE, REPORT_DEADLINE)
			.setVariable(Vars.RESULT_REPORT_REMINDER_AT, REMINDER_AT)
			.correlate();
	}

	private ProcessInstance start(String unitCode, String unitLevel, String parentLevel, String reviewMode) {
		return runtimeService().startProcessInstanceByKey(ModelRegistrationProcess.KEY, Fixtures.REGISTRATION,
				variables(unitCode, unitLevel, parentLevel, reviewMode));
	}

	private ProcessInstance startBefore(String activityId, Map<String, Object> extra) {
		Map<String, Object> variables = variables(Fixtures.COMMUNE_UNDER_DISTRICT, "COMMUNE", "DISTRICT", "EVERY_LEVEL");
		variables.putAll(extra);
		return runtimeService().createProcessInstanceByKey(ModelRegistrationProcess.KEY)
			.businessKey(Fixtures.REGISTRATION)
			.startBeforeActivity(activityId)
			.setVariables(variables)
			.execute();
	}

	private static Map<String, Object> variables(String unitCode, String unitLevel, String parentLevel,
			String reviewMode) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.REGISTRATION_CODE, Fixtures.REGISTRATION);
		variables.put(Vars.REGISTRATION_NAME, NAME);
		variables.put(Vars.PLAN_CODE, Fixtures.PLAN);
		variables.put(Vars.UNIT_CODE, unitCode);
		variables.put(Vars.UNIT_NAME, Fixtures.UNITS.get(unitCode).name());
		variables.put(Vars.UNIT_LEVEL, unitLevel);
		variables.put(Vars.PARENT_LEVEL, parentLevel);
		variables.put(Vars.REVIEW_MODE, reviewMode);
		variables.put(Vars.REVIEW_DAYS, 7);
		variables.put(Vars.ESCALATION_DAYS, 14);
		return variables;
	}

	private static void decide(ProcessInstance levelReview, String decision, String comment) {
		Task task = task(levelReview);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.DECISION, decision);
		variables.put(Vars.COMMENT, comment);
		taskService().complete(task.getId(), variables);
	}

}
