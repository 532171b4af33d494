package vn.dvk.registration.process;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
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

import vn.dvk.plan.PlanService;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

@Deployment(resources = { "bpmn/ModelRegistrationProcess.bpmn", "bpmn/LevelReviewProcess.bpmn",
		"bpmn/ReviewRouteDecision.dmn", "bpmn/forms/review-registration.form",
		"bpmn/forms/revise-registration.form" })
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

		assertThat(registration).hasPassed(Ids.MARK_ACCEPTED, Ids.NOTIFY_ACCEPTED, Ids.END_ACCEPTED).isEnded();
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
		assertThat(registration).hasPassed(Ids.END_ACCEPTED).isEnded();
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
		assertThat(registration).hasPassed(Ids.END_ACCEPTED).isEnded();
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

		assertThat(registration).hasPassed(Ids.NOTIFY_ACCEPTED, Ids.END_ACCEPTED).isEnded();
		assertThat(notifications.onlyCallAt(Ids.NOTIFY_ACCEPTED).input("mailTemplate")).isEqualTo("registration-accepted");
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
