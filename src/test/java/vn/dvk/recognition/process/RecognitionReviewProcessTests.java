package vn.dvk.recognition.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.ItemScore;
import vn.dvk.recognition.RecognitionDecision;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.SessionItem;
import vn.dvk.recognition.process.RecognitionReviewProcess.Ids;
import vn.dvk.recognition.process.RecognitionReviewProcess.Vars;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = { "bpmn/RecognitionReviewProcess.bpmn", "bpmn/RecognitionDecision.dmn",
		"bpmn/forms/assess-models.form", "bpmn/forms/confirm-outcomes.form" })
class RecognitionReviewProcessTests {

	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	static final String SESSION = "KH-2026-01-PH1";

	static final String A = "DK-2026-000001";

	static final String B = "DK-2026-000002";

	static final String C = "DK-2026-000003";

	static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	ProcessEngine processEngine;

	final RecognitionSessionService sessions = mock(RecognitionSessionService.class);

	final PlanService plans = mock(PlanService.class);

	final RecognizedModelRegister register = mock(RecognizedModelRegister.class);

	final RecognitionAnnouncer announcer = mock(RecognitionAnnouncer.class);

	final RecordingDelegate notifications = new RecordingDelegate();

	final RecordingTaskListener candidateGroupsNotified = new RecordingTaskListener();

	final List<SessionItem> items = List.of(item(A, "mttq-tinh"), item(B, "so-y-te"), item(C, "hoi-phu-nu-tinh"));

	@BeforeEach
	void setUp() {
		IdentityService identity = processEngine.getIdentityService();
		identity.saveGroup(identity.newGroup("recognition-council"));
		for (String[] member : new String[][] { { "council1", "mttq-tinh" }, { "council2", "hoi-phu-nu-tinh" },
				{ "council3", "so-noi-vu" } }) {
			identity.saveUser(identity.newUser(member[0]));
			identity.createMembership(member[0], "recognition-council");
			if (identity.createGroupQuery().groupId("unit-" + member[1]).count() == 0) {
				identity.saveGroup(identity.newGroup("unit-" + member[1]));
			}
			identity.createMembership(member[0], "unit-" + member[1]);
		}
		when(sessions.items(SESSION)).thenReturn(items);
		when(sessions.unitName(anyString())).thenAnswer(call -> "Đơn vị " + call.getArgument(0));
		when(sessions.item(eq(SESSION), anyString())).thenAnswer(
				call -> items.stream().filter(i -> i.registrationCode().equals(call.getArgument(1))).findFirst().orElseThrow());
		when(sessions.recordRecusals(eq(SESSION), anyMap())).thenReturn(new LinkedHashMap<>(Map.of(
				"council1", List.of(B, C), "council2", List.of(A, B), "council3", List.of(A, B, C))));
		when(sessions.scores(SESSION)).thenReturn(List.of(new ItemScore(A, 95, true, 2), new ItemScore(B, 75, true, 3),
				new ItemScore(C, 90, false, 2)));
		when(sessions.issueDecision(eq(SESSION), anyMap(), any(), any())).thenReturn(new RecognitionDecision(7, SESSION,
				2026, 3, "3/QĐ-BTGDV", LocalDate.of(2026, 12, 1), "approver", NOW));
		when(plans.rules("KH-2026-01")).thenReturn(new PlanRules(
				List.of(new Criterion("TC1", "Hiệu quả", true, null)),
				List.of("RECOGNIZED", "RECOGNIZED_TYPICAL", "NOT_RECOGNIZED"), 70, 90, List.of(), null));
		when(register.ofRegistration(anyString())).thenReturn(Optional.empty());
		Mocks.register("recognitionSessionService", sessions);
		Mocks.register("recordRecusalsDelegate", new RecordRecusalsDelegate(sessions));
		Mocks.register("proposeRecognitionOutcomesDelegate", new ProposeRecognitionOutcomesDelegate(sessions, plans));
		Mocks.register("assessModelsTaskListener", new AssessModelsTaskListener());
		Mocks.register("confirmRecognitionOutcomesListener", new ConfirmRecognitionOutcomesListener());
		Mocks.register("issueRecognitionDecisionDelegate", new IssueRecognitionDecisionDelegate(sessions));
		Mocks.register("announceRecognitionOutcomeDelegate", new AnnounceRecognitionOutcomeDelegate(sessions, register,
				announcer, Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"))));
		Mocks.register("sendNotificationDelegate", notifications);
		Mocks.register("notifyCandidateGroupsListener", candidateGroupsNotified);
	}

	@AfterEach
	void tearDown() {
		Mocks.reset();
		IdentityService identity = processEngine.getIdentityService();
		identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
		identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
	}

	@Test
	void everyCouncilMemberGetsATaskForTheModelsOfOtherUnitsAndRecusalsAreRecorded() {
		ProcessInstance session = start();

		assertThat(session).hasPassed(Ids.RECORD_RECUSALS).isWaitingAt(Ids.ASSESS_MODELS);
		@SuppressWarnings("unchecked")
		ArgumentCaptor<Map<String, java.util.Set<String>>> members = ArgumentCaptor.forClass(Map.class);
		verify(sessions).recordRecusals(eq(SESSION), members.capture());
		assertThat(members.getValue()).containsOnlyKeys("council1", "council2", "council3");
		assertThat(members.getValue().get("council1")).containsExactly("mttq-tinh");
		assertThat(members.getValue().get("council2")).containsExactly("hoi-phu-nu-tinh");
		List<Task> tasks = assessTasks(session);
		assertThat(tasks).extracting(Task::getAssignee).containsExactlyInAnyOrder("council1", "council2", "council3");
		assertThat(tasks).extracting(Task::getName).containsExactlyInAnyOrder("Bình xét: " + SESSION + " — 2 mô hình",
				"Bình xét: " + SESSION + " — 2 mô hình", "Bình xét: " + SESSION + " — 3 mô hình");
		Task council1 = tasks.stream().filter(t -> t.getAssignee().equals("council1")).findFirst().orElseThrow();
		assertThat(taskService().getVariable(council1.getId(), Vars.MODEL_LIST).toString()).contains(B, C)
			.doesNotContain(A);
		assertThat(runtimeService().getVariable(session.getId(), Vars.REGISTRATION_CODES)).isEqualTo(List.of(A, B, C));
	}

	@Test
	void aMemberCannotCompleteTheAssessmentTaskWithModelsLeftToAssess() {
		ProcessInstance session = start();
		when(sessions.unassessed(SESSION, "council1", java.util.Set.of("mttq-tinh"))).thenReturn(List.of(C));
		String taskId = assessTasks(session).stream()
			.filter(t -> t.getAssignee().equals("council1"))
			.findFirst()
			.orElseThrow()
			.getId();
		String expected = "Đồng chí còn 1 mô hình chưa đánh giá trong phiên bình xét " + SESSION + ": " + C;

		// Tasklist's Hoàn thành (submit form), the Java API and engine-rest alike
		assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(taskId, Map.of()))
			.isInstanceOf(AssessModelsGuard.AssessmentsIncompleteException.class)
			.hasMessageContaining(expected);
		assertThatThrownBy(() -> taskService().complete(taskId))
			.isInstanceOf(AssessModelsGuard.AssessmentsIncompleteException.class)
			.hasMessageContaining(expected);
		CompleteTaskDto empty = new CompleteTaskDto();
		empty.setVariables(new LinkedHashMap<>());
		Throwable failure = catchThrowable(() -> resource(taskId).complete(empty));
		assertThat(ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode()).isEqualTo(400);
		assertThat(failure.getMessage()).contains(expected, "công việc tự hoàn thành");

		assertThat(taskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
		assertThat(assessTasks(session)).hasSize(3);
		assertThat(session).isWaitingAt(Ids.ASSESS_MODELS);

		// once the member has assessed the last model, the task completes
		when(sessions.unassessed(SESSION, "council1", java.util.Set.of("mttq-tinh"))).thenReturn(List.of());
		taskService().complete(taskId);
		assertThat(assessTasks(session)).extracting(Task::getAssignee).containsExactlyInAnyOrder("council2", "council3");
	}

	@Test
	void whenEveryMemberHasAssessedTheDecisionTableProposesAndTheChairConfirms() {
		ProcessInstance session = assessedByEveryone();

		assertThat(session).hasPassed(Ids.DETERMINE_OUTCOMES).isWaitingAt(Ids.CONFIRM_OUTCOMES);
		assertThat(session).task()
			.hasCandidateGroup("plan-approvers")
			.hasName("Xác nhận kết quả bình xét: " + SESSION);
		Map<String, String> proposal = Map.of(A, "RECOGNIZE_TYPICAL", B, "RECOGNIZE", C, "NOT_RECOGNIZE");
		verify(sessions).propose(eq(SESSION), any(), eq(proposal));
		assertThat(json(runtimeService().getVariable(session.getId(), Vars.OUTCOMES))).isEqualTo(proposal);
		assertThat(runtimeService().getVariable(session.getId(), Vars.PROPOSAL_TEXT).toString())
			.contains("**" + C + "**", "tiêu chí bắt buộc không đạt", "Không công nhận");
		assertThat(candidateGroupsNotified.events()).containsExactly(Ids.CONFIRM_OUTCOMES + ":create");

		confirm(session, null, "Mô hình DK-2026-000003 chưa đạt tiêu chí bắt buộc.");

		assertThat(session).isWaitingAt(Ids.ISSUE_DECISION);
		execute(job());
		assertThat(session).hasPassed(Ids.ISSUE_DECISION, Ids.ANNOUNCE_OUTCOME, Ids.NOTIFY_DECISION_ISSUED,
				Ids.END_DECISION_ISSUED).isEnded();
		verify(sessions).issueDecision(SESSION, proposal, "Mô hình DK-2026-000003 chưa đạt tiêu chí bắt buộc.", "approver");
		verify(announcer).recognitionDecided(A, RecognitionOutcome.RECOGNIZED_TYPICAL, "3/QĐ-BTGDV");
		verify(announcer).recognitionDecided(B, RecognitionOutcome.RECOGNIZED, "3/QĐ-BTGDV");
		verify(announcer).recognitionDecided(C, RecognitionOutcome.NOT_RECOGNIZED, "3/QĐ-BTGDV");
		ArgumentCaptor<RecognizedModel> added = ArgumentCaptor.forClass(RecognizedModel.class);
		verify(register, org.mockito.Mockito.times(2)).add(added.capture());
		assertThat(added.getAllValues()).extracting(RecognizedModel::registrationCode).containsExactly(A, B);
		assertThat(added.getAllValues().get(0)).extracting(RecognizedModel::year, RecognizedModel::outcome,
				RecognizedModel::source, RecognizedModel::decisionNumber, RecognizedModel::unitCode)
			.containsExactly(2026, RecognitionOutcome.RECOGNIZED_TYPICAL, "SYSTEM", "3/QĐ-BTGDV", "mttq-tinh");
		RecordingDelegate.Call mail = notifications.onlyCallAt(Ids.NOTIFY_DECISION_ISSUED);
		assertThat(mail.input("mailTemplate")).isEqualTo("recognition-decision-issued");
		assertThat(RecordingDelegate.recipients(mail)).containsExactly("recognition-council", "plan-drafters");
	}

	@Test
	void theChairMayChangeAnOutcome() {
		ProcessInstance session = assessedByEveryone();

		confirm(session, "{\"" + A + "\": \"RECOGNIZE\", \"" + B + "\": \"RECOGNIZE\", \"" + C + "\": \"RECOGNIZE\"}",
				null);
		execute(job());

		assertThat(session).isEnded();
		verify(sessions).issueDecision(SESSION, Map.of(A, "RECOGNIZE", B, "RECOGNIZE", C, "RECOGNIZE"), null, "approver");
		verify(announcer).recognitionDecided(C, RecognitionOutcome.RECOGNIZED, "3/QĐ-BTGDV");
		verify(register, org.mockito.Mockito.times(3)).add(any());
	}

	@Test
	void invalidOutcomesAreRefusedWith400AndTheTaskStays() {
		ProcessInstance session = assessedByEveryone();
		String taskId = taskService().createTaskQuery().processInstanceId(session.getId()).singleResult().getId();

		assertThat(rest400(taskId, "{\"" + A + "\": \"RECOGNIZE\"}", "x")).contains("Chưa có kết quả cho các mô hình: "
				+ B + ", " + C);
		assertThat(rest400(taskId, "{\"" + A + "\": \"RECOGNIZE\", \"" + B + "\": \"MAYBE\", \"" + C
				+ "\": \"RECOGNIZE\"}", "x")).contains("Kết quả \"MAYBE\" của mô hình " + B + " không hợp lệ");
		assertThat(rest400(taskId, "{\"" + A + "\": \"RECOGNIZE\", \"" + B + "\": \"RECOGNIZE\", \"" + C
				+ "\": \"RECOGNIZE\", \"DK-X\": \"RECOGNIZE\"}", "x")).contains("DK-X");
		assertThat(rest400(taskId, "[1, 2]", "x")).contains("phải là một đối tượng JSON");
		// the proposal has C NOT_RECOGNIZE: confirming it without a comment is refused
		assertThatThrownBy(() -> taskService().complete(taskId))
			.isInstanceOf(RecognitionOutcomesContract.InvalidOutcomesException.class)
			.hasMessageContaining("phải ghi rõ ý kiến, lý do");

		assertThat(session).isWaitingAt(Ids.CONFIRM_OUTCOMES);
		assertThat(json(runtimeService().getVariable(session.getId(), Vars.OUTCOMES)))
			.isEqualTo(Map.of(A, "RECOGNIZE_TYPICAL", B, "RECOGNIZE", C, "NOT_RECOGNIZE"));
		verify(sessions, never()).issueDecision(anyString(), anyMap(), any(), any());
	}

	@Test
	void aValidCompletionThroughEngineRestIsA204() {
		ProcessInstance session = assessedByEveryone();
		String taskId = taskService().createTaskQuery().processInstanceId(session.getId()).singleResult().getId();

		int status = resource(taskId).complete(completion("{\"" + A + "\": \"RECOGNIZE\", \"" + B
				+ "\": \"RECOGNIZE_TYPICAL\", \"" + C + "\": \"NOT_RECOGNIZE\"}", "Chưa đạt.")).getStatus();

		assertThat(status).isEqualTo(204);
		assertThat(session).isWaitingAt(Ids.ISSUE_DECISION);
	}

	private ProcessInstance start() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.SESSION_KEY, SESSION);
		variables.put(Vars.PLAN_CODE, "KH-2026-01");
		variables.put(Vars.PLAN_TITLE, "Kế hoạch thi đua “Dân vận khéo” năm 2026");
		variables.put(Vars.PLAN_YEAR, 2026);
		variables.put(Vars.MODEL_COUNT, 3);
		return runtimeService().startProcessInstanceByKey(RecognitionReviewProcess.KEY, SESSION, variables);
	}

	private ProcessInstance assessedByEveryone() {
		ProcessInstance session = start();
		for (Task task : assessTasks(session)) {
			assertThat(session).isWaitingAt(Ids.ASSESS_MODELS);
			taskService().complete(task.getId());
		}
		return session;
	}

	private static List<Task> assessTasks(ProcessInstance session) {
		return taskService().createTaskQuery()
			.processInstanceId(session.getId())
			.taskDefinitionKey(Ids.ASSESS_MODELS)
			.list();
	}

	private void confirm(ProcessInstance session, String outcomes, String comment) {
		String taskId = taskService().createTaskQuery().processInstanceId(session.getId()).singleResult().getId();
		Map<String, Object> variables = new HashMap<>();
		if (outcomes != null) {
			variables.put(Vars.OUTCOMES, outcomes);
		}
		variables.put(Vars.COMMENT, comment);
		processEngine.getIdentityService().setAuthenticatedUserId("approver");
		try {
			taskService().complete(taskId, variables);
		}
		finally {
			processEngine.getIdentityService().clearAuthentication();
		}
	}

	private String rest400(String taskId, String outcomes, String comment) {
		Throwable failure = catchThrowable(() -> resource(taskId).complete(completion(outcomes, comment)));
		assertThat(ExceptionHandlerHelper.getInstance().getStatus(failure).getStatusCode()).isEqualTo(400);
		return failure.getMessage();
	}

	private TaskResourceImpl resource(String taskId) {
		return new TaskResourceImpl(processEngine, taskId, "/engine-rest", new ObjectMapper(), false, false, false);
	}

	private static CompleteTaskDto completion(String outcomes, String comment) {
		Map<String, VariableValueDto> variables = new LinkedHashMap<>();
		variables.put(Vars.OUTCOMES, string(outcomes));
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

	@SuppressWarnings("unchecked")
	private static Map<String, String> json(Object value) {
		try {
			return new ObjectMapper().readValue(value.toString(), Map.class);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	private static SessionItem item(String code, String unit) {
		return new SessionItem(SESSION, code, 1, "Mô hình " + code, unit, "KINH_TE", "MODEL", null, null, null, null);
	}

}
