package vn.dvk.award.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dvk.award.Nomination;
import vn.dvk.award.NominationStatus;
import vn.dvk.award.process.AwardNominationProcess.Ids;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.plan.RecipientKind;
import vn.dvk.review.DecisionContract;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

@Deployment(resources = { "bpmn/AwardNominationProcess.bpmn", "bpmn/AwardRouteDecision.dmn",
		"bpmn/forms/approve-award.form", "bpmn/forms/record-authority-decision.form",
		"bpmn/forms/revise-nomination.form" })
class AwardNominationProcessTests {

	/** The shared in-memory engine of the process tests (it lists AuthorityDecisionPlugin). */
	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	static final String DECIDED = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(3).toString();

	final RecordingDelegate statuses = new RecordingDelegate();

	final RecordingDelegate decisions = new RecordingDelegate();

	final RecordingDelegate dossiers = new RecordingDelegate();

	final RecordingDelegate certificates = new RecordingDelegate();

	final RecordingDelegate mails = new RecordingDelegate();

	final RecordingTaskListener candidateGroupsNotified = new RecordingTaskListener();

	@BeforeEach
	void registerBeans() {
		Mocks.register("updateNominationStatusDelegate", statuses);
		Mocks.register("recordAwardDecisionDelegate", decisions);
		Mocks.register("prepareAwardDossierDelegate", dossiers);
		Mocks.register("issueAwardCertificatesDelegate", certificates);
		Mocks.register("sendNotificationDelegate", mails);
		Mocks.register("notifyCandidateGroupsListener", candidateGroupsNotified);
		// the review module's listener (package-private there) does the same check
		Mocks.register("decisionContractListener", (org.camunda.bpm.engine.delegate.TaskListener) task -> DecisionContract
			.validate(task.getVariable("decision"), task.getVariable("comment"), DecisionContract.APPROVAL_DECISIONS));
	}

	@AfterEach
	void resetBeans() {
		Mocks.reset();
	}

	@Test
	void internalAwardGoesToTheAwardApproversAndApprovalGrantsIt() {
		ProcessInstance p = start(giayKhen());

		assertThat(p).hasPassed(Ids.DETERMINE_ROUTE).isWaitingAt(Ids.APPROVE_AWARD);
		assertThat(p).variables().containsEntry(Vars.ROUTE, "INTERNAL");
		assertThat(p).task()
			.hasCandidateGroup("award-approvers")
			.hasName("Phê duyệt khen thưởng: Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy — Chợ cá an toàn, văn minh");
		assertThat(candidateGroupsNotified.events()).containsExactly(Ids.APPROVE_AWARD + ":create");

		taskService().complete(task(p).getId(), Map.of("decision", "APPROVE", "decisionNumber", "12/QĐ-BTGDV"));

		assertThat(p).hasPassed(Ids.RECORD_APPROVAL, Ids.ISSUE_CERTIFICATES, Ids.MARK_AWARDED, Ids.NOTIFY_GRANTED,
				Ids.END_GRANTED).isEnded();
		assertThat(statuses.statuses()).containsExactly("IN_APPROVAL", "AWARDED");
		assertThat(statuses.onlyCallAt(Ids.MARK_AWARDED).input("action")).isEqualTo("APPROVED");
		assertThat(RecordingDelegate.recipients(mails.onlyCallAt(Ids.NOTIFY_GRANTED)))
			.containsExactly("unit-xa-cam-hai-dong");
		assertThat(mails.onlyCallAt(Ids.NOTIFY_GRANTED).input("mailTemplate")).isEqualTo("award-granted");
	}

	@Test
	void rejectionDeclinesTheInternalAwardAndTellsTheUnitAndTheDrafters() {
		ProcessInstance p = start(giayKhen());

		taskService().complete(task(p).getId(), Map.of("decision", "REJECT", "comment", "Thành tích chưa nổi bật."));

		assertThat(p).hasPassed(Ids.MARK_DECLINED, Ids.NOTIFY_DECLINED, Ids.END_DECLINED)
			.hasNotPassed(Ids.ISSUE_CERTIFICATES)
			.isEnded();
		assertThat(statuses.statuses()).containsExactly("IN_APPROVAL", "DECLINED");
		assertThat(statuses.onlyCallAt(Ids.MARK_DECLINED).input("action")).isEqualTo("REJECTED");
		assertThat(RecordingDelegate.recipients(mails.onlyCallAt(Ids.NOTIFY_DECLINED)))
			.containsExactly("unit-xa-cam-hai-dong", "plan-drafters");
	}

	@Test
	void returnSendsTheNominationBackToTheDraftersAndTheRevisionGoesToApprovalAgain() {
		ProcessInstance p = start(giayKhen());
		taskService().complete(task(p).getId(), Map.of("decision", "RETURN", "comment", "Bổ sung số liệu."));

		assertThat(p).isWaitingAt(Ids.REVISE_NOMINATION);
		assertThat(p).task().hasCandidateGroup("plan-drafters");
		taskService().complete(task(p).getId(), Map.of("achievement", "Thành tích đã bổ sung số liệu."));

		assertThat(p).isWaitingAt(Ids.APPROVE_AWARD);
		assertThat(statuses.statuses()).containsExactly("IN_APPROVAL", "PROPOSED", "IN_APPROVAL");
		assertThat(p).variables().containsEntry(Vars.ACHIEVEMENT, "Thành tích đã bổ sung số liệu.");
	}

	@Test
	void theDecisionContractIsEnforcedBeforeTheApprovalCompletes() {
		ProcessInstance p = start(giayKhen());
		String taskId = task(p).getId();

		assertThatThrownBy(() -> taskService().complete(taskId, Map.of("decision", "AWARD")))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class);
		assertThatThrownBy(() -> taskService().complete(taskId, Map.of("decision", "REJECT")))
			.isInstanceOf(DecisionContract.InvalidDecisionException.class)
			.hasMessageContaining("lý do");
		assertThatThrownBy(() -> taskService().complete(taskId)).isInstanceOf(DecisionContract.InvalidDecisionException.class);

		assertThat(p).isWaitingAt(Ids.APPROVE_AWARD);
		assertThat(statuses.statuses()).containsExactly("IN_APPROVAL");
	}

	@Test
	void externalAwardPreparesTheDossierRemindsWhileWaitingAndTheClerkRecordsTheDecision() {
		ProcessInstance p = start(bangKhen());

		assertThat(p).hasPassed(Ids.PREPARE_DOSSIER).isWaitingAt(Ids.RECORD_AUTHORITY_DECISION);
		assertThat(p).variables().containsEntry(Vars.ROUTE, "EXTERNAL");
		assertThat(p).task()
			.hasCandidateGroup("award-clerks");
		assertThat(dossiers.calls()).hasSize(1);
		Job reminder = timer(p);

		managementService().executeJob(reminder.getId());

		assertThat(p).hasPassed(Ids.REMIND_AUTHORITY_DECISION, Ids.END_REMINDER_SENT)
			.isWaitingAt(Ids.RECORD_AUTHORITY_DECISION);
		assertThat(RecordingDelegate.recipients(mails.onlyCallAt(Ids.REMIND_AUTHORITY_DECISION)))
			.containsExactly("award-clerks", "plan-drafters");
		assertThat(mails.onlyCallAt(Ids.REMIND_AUTHORITY_DECISION).input("mailTemplate"))
			.isEqualTo("award-authority-reminder");
		assertThat(timer(p)).as("the cycle goes on: the next reminder is scheduled").isNotNull();

		taskService().complete(task(p).getId(), Map.of(Vars.AUTHORITY_OUTCOME, "AWARDED", Vars.DECISION_NUMBER,
				"125/QĐ-UBND", Vars.DECISION_DATE, DECIDED));

		assertThat(p).hasPassed(Ids.SAVE_AUTHORITY_DECISION, Ids.ISSUE_CERTIFICATES, Ids.MARK_AWARDED,
				Ids.NOTIFY_GRANTED).isEnded();
		assertThat(decisions.calls()).hasSize(1);
		assertThat(statuses.onlyCallAt(Ids.MARK_AWARDED).input("action")).isEqualTo("AWARDED");
		assertThat(managementService().createJobQuery().processInstanceId(p.getId()).count()).isZero();
	}

	@Test
	void theClerksTaskRefusesACompletionWithoutAValidOutcomeNumberOrDateAndChangesNothing() {
		ProcessInstance p = start(bangKhen());
		String taskId = task(p).getId();
		String future = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(30).toString();

		assertRefused(() -> taskService().complete(taskId), Vars.AUTHORITY_OUTCOME, "Chưa chọn kết quả");
		assertRefused(() -> taskService().complete(taskId, Map.of(Vars.AUTHORITY_OUTCOME, "APPROVE",
				Vars.DECISION_NUMBER, "125/QĐ-UBND", Vars.DECISION_DATE, DECIDED)), Vars.AUTHORITY_OUTCOME,
				"“APPROVE” không hợp lệ");
		assertRefused(() -> taskService().complete(taskId, Map.of(Vars.AUTHORITY_OUTCOME, "AWARDED",
				Vars.DECISION_NUMBER, " ", Vars.DECISION_DATE, DECIDED)), Vars.DECISION_NUMBER,
				"Chưa nhập số quyết định");
		assertRefused(() -> taskService().complete(taskId, Map.of(Vars.AUTHORITY_OUTCOME, "AWARDED",
				Vars.DECISION_NUMBER, "125/QĐ-UBND")), Vars.DECISION_DATE, "Chưa nhập ngày quyết định");
		assertRefused(() -> taskService().complete(taskId, Map.of(Vars.AUTHORITY_OUTCOME, "AWARDED",
				Vars.DECISION_NUMBER, "125/QĐ-UBND", Vars.DECISION_DATE, "10/12/2026")), Vars.DECISION_DATE,
				"không hợp lệ");
		assertRefused(() -> taskService().complete(taskId, Map.of(Vars.AUTHORITY_OUTCOME, "AWARDED",
				Vars.DECISION_NUMBER, "125/QĐ-UBND", Vars.DECISION_DATE, future)), Vars.DECISION_DATE,
				"sau ngày hôm nay");
		// Tasklist submits the form through SubmitTaskFormCmd
		assertRefused(() -> formService().submitTaskForm(taskId,
				Map.of(Vars.AUTHORITY_OUTCOME, "DECLINED", Vars.DECISION_DATE, DECIDED)), Vars.DECISION_NUMBER,
				"Chưa nhập số quyết định");

		assertThat(p).isWaitingAt(Ids.RECORD_AUTHORITY_DECISION);
		assertThat(decisions.calls()).isEmpty();
		assertThat(runtimeService().getVariables(p.getId())).doesNotContainKeys(Vars.AUTHORITY_OUTCOME,
				Vars.DECISION_NUMBER, Vars.DECISION_DATE);

		formService().submitTaskForm(taskId, Map.of(Vars.AUTHORITY_OUTCOME,
				"AWARDED", Vars.DECISION_NUMBER, "125/QĐ-UBND", Vars.DECISION_DATE, DECIDED));
		assertThat(p).hasPassed(Ids.SAVE_AUTHORITY_DECISION, Ids.ISSUE_CERTIFICATES).isEnded();
	}

	@Test
	void theAuthorityDecisionCheckLeavesOtherTasksAlone() {
		ProcessInstance p = start(giayKhen());

		taskService().complete(task(p).getId(), Map.of("decision", "RETURN", "comment", "Bổ sung số liệu."));
		taskService().complete(task(p).getId(), Map.of("achievement", "Thành tích đã bổ sung."));

		assertThat(p).isWaitingAt(Ids.APPROVE_AWARD);
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable completion, String field,
			String message) {
		assertThatThrownBy(completion).isInstanceOf(AuthorityDecisionContract.InvalidAuthorityDecisionException.class)
			.isInstanceOf(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
			.hasMessageContaining(message)
			.satisfies(ex -> assertThat(((AuthorityDecisionContract.InvalidAuthorityDecisionException) ex).field())
				.isEqualTo(field));
	}

	@Test
	void theReminderCycleIsAProcessVariable() {
		Map<String, Object> variables = CamundaNominationWorkflow.variables(bangKhen(), "Xã Cam Hải Đông");
		variables.put(Vars.REMINDER_CYCLE, "R/P3D");
		ProcessInstance p = runtimeService().startProcessInstanceByKey(AwardNominationProcess.KEY, "KT-2026-0002",
				variables);
		Job reminder = timer(p);
		long days = (reminder.getDuedate().getTime() - System.currentTimeMillis()) / 86_400_000L;
		assertThat(days).isBetween(2L, 3L);
	}

	@Test
	void anOutsideRefusalDeclinesTheNomination() {
		ProcessInstance p = start(kyNiemChuongMarkedInternal());

		assertThat(p).as("KNC is always decided centrally").isWaitingAt(Ids.RECORD_AUTHORITY_DECISION);
		taskService().complete(task(p).getId(), Map.of(Vars.AUTHORITY_OUTCOME, "DECLINED", Vars.DECISION_NUMBER,
				"88/QĐ-BTGDVTW", Vars.DECISION_DATE, DECIDED));

		assertThat(p).hasPassed(Ids.SAVE_AUTHORITY_DECISION, Ids.MARK_DECLINED, Ids.NOTIFY_DECLINED)
			.hasNotPassed(Ids.ISSUE_CERTIFICATES)
			.isEnded();
		assertThat(statuses.onlyCallAt(Ids.MARK_DECLINED).input("action")).isEqualTo("DECLINED");
	}

	private static ProcessInstance start(Nomination n) {
		Map<String, Object> variables = new HashMap<>(CamundaNominationWorkflow.variables(n, "Xã Cam Hải Đông"));
		return runtimeService().startProcessInstanceByKey(AwardNominationProcess.KEY, n.code(), variables);
	}

	private static Job timer(ProcessInstance p) {
		List<Job> jobs = managementService().createJobQuery()
			.processInstanceId(p.getId())
			.activityId(Ids.AUTHORITY_DECISION_OVERDUE)
			.timers()
			.list();
		assertThat(jobs).hasSize(1);
		return jobs.get(0);
	}

	static Nomination giayKhen() {
		return nomination("KT-2026-0001", "GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy",
				"Ban Tuyên giáo và Dân vận Tỉnh ủy", false, RecipientKind.COLLECTIVE);
	}

	static Nomination bangKhen() {
		return nomination("KT-2026-0002", "BANG_KHEN_UBND", "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh",
				true, RecipientKind.COLLECTIVE);
	}

	static Nomination kyNiemChuongMarkedInternal() {
		return nomination("KT-2026-0003", "KY_NIEM_CHUONG", "Kỷ niệm chương “Vì sự nghiệp dân vận”",
				"Ban Tuyên giáo và Dân vận Trung ương", false, RecipientKind.INDIVIDUAL);
	}

	static Nomination nomination(String code, String type, String name, String authority, boolean external,
			RecipientKind kind) {
		boolean collective = kind == RecipientKind.COLLECTIVE;
		return new Nomination(code, "KH-2026-01", type, name, authority, external, kind,
				collective ? "DK-2026-000123" : null, collective ? null : "Nguyễn Thị Lan",
				collective ? null : "Chủ tịch Hội Phụ nữ xã",
				collective ? "Chợ cá an toàn, văn minh" : "Nguyễn Thị Lan", "xa-cam-hai-dong",
				"Vận động tiểu thương xây dựng chợ cá an toàn.", NominationStatus.PROPOSED, "drafter",
				Instant.parse("2026-12-01T02:00:00Z"), null, null);
	}

}
