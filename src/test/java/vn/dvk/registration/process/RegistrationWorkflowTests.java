package vn.dvk.registration.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.process.ModelRegistrationProcess.Ids;
import vn.dvk.registration.process.ModelRegistrationProcess.Vars;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * The engine glue and the status delegate on an in-memory engine, with a stand-in for
 * ModelRegistrationProcess that uses the same ids, variables and input parameters.
 */
class RegistrationWorkflowTests {

	static final String REVIEW = "UserTask_StandInReview";

	static final String AFTER_RESUBMISSION = "UserTask_StandInAfterResubmission";

	static final CurrentUser HEAD = new CurrentUser("head-xa-cam-hai-dong",
			java.util.Set.of("unit-heads", "unit-xa-cam-hai-dong"));

	static ProcessEngine engine;

	static RegistrationService registrations = mock(RegistrationService.class);

	static CamundaRegistrationWorkflow workflow;

	@BeforeAll
	static void engine() {
		StandaloneInMemProcessEngineConfiguration configuration = (StandaloneInMemProcessEngineConfiguration) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:registration-workflow-tests;DB_CLOSE_DELAY=-1")
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setBeans(Map.of("updateRegistrationStatusDelegate",
				new UpdateRegistrationStatusDelegate(registrations)));
		engine = configuration.buildProcessEngine();
		BpmnModelInstance model = Bpmn.createExecutableProcess(ModelRegistrationProcess.KEY)
			.camundaHistoryTimeToLive(1)
			.startEvent(Ids.START_REGISTRATION_SUBMITTED)
			.serviceTask(Ids.MARK_IN_REVIEW)
			.camundaDelegateExpression("${updateRegistrationStatusDelegate}")
			.camundaInputParameter("status", "IN_REVIEW")
			.userTask(REVIEW)
			.serviceTask(Ids.MARK_RETURNED)
			.camundaDelegateExpression("${updateRegistrationStatusDelegate}")
			.camundaInputParameter("status", "RETURNED")
			.userTask(Ids.REVISE_REGISTRATION)
			.serviceTask(Ids.MARK_RESUBMITTED)
			.camundaDelegateExpression("${updateRegistrationStatusDelegate}")
			.camundaInputParameter("status", "SUBMITTED")
			.camundaInputParameter("action", "RESUBMITTED")
			.userTask(AFTER_RESUBMISSION)
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().addModelInstance("stand-in.bpmn", model).deploy();
		workflow = new CamundaRegistrationWorkflow(engine.getRuntimeService(), engine.getTaskService(),
				engine.getIdentityService(), TestOrganizations.khanhHoa());
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	@Test
	void startsWithTheBusinessKeyAndTheVariablesTheProcessNeedsAndRecordsWhoActed() {
		Registration registration = registration("DK-2026-000001", "Dân vận khéo");

		workflow.start(registration, plan(), HEAD);

		ProcessInstance instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey("DK-2026-000001")
			.singleResult();
		assertThat(instance.getProcessDefinitionId()).startsWith(ModelRegistrationProcess.KEY);
		Map<String, Object> variables = engine.getRuntimeService().getVariables(instance.getId());
		assertThat(variables).containsEntry(Vars.REGISTRATION_CODE, "DK-2026-000001")
			.containsEntry(Vars.REGISTRATION_NAME, "Dân vận khéo")
			.containsEntry(Vars.PLAN_CODE, "KH-2026-01")
			.containsEntry(Vars.UNIT_CODE, "xa-cam-hai-dong")
			.containsEntry(Vars.UNIT_NAME, "Xã Cam Hải Đông")
			.containsEntry(Vars.UNIT_LEVEL, "COMMUNE")
			.containsEntry(Vars.PARENT_LEVEL, "DISTRICT")
			.containsEntry(Vars.REVIEW_MODE, "EVERY_LEVEL")
			.containsEntry(Vars.REVIEW_DAYS, 5)
			.containsEntry(Vars.ESCALATION_DAYS, 10);
		verify(registrations).changeStatus("DK-2026-000001", RegistrationStatus.IN_REVIEW, "IN_REVIEW", null,
				"head-xa-cam-hai-dong", null);
		assertThat(engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getStartUserId()).isEqualTo("head-xa-cam-hai-dong");
		assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
	}

	@Test
	void aReturnCarriesTheCommentAndARevisionResumesTheProcessWithTheNewName() {
		Registration registration = registration("DK-2026-000002", "Tên cũ");
		workflow.start(registration, plan(), HEAD);
		Task review = task("DK-2026-000002", REVIEW);
		engine.getIdentityService().setAuthenticatedUserId("reviewer-huyen-cam-lam");
		try {
			engine.getTaskService()
				.complete(review.getId(), Map.of(Vars.DECISION, "RETURN", Vars.COMMENT, "Bổ sung nguồn lực"));
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
		verify(registrations).changeStatus("DK-2026-000002", RegistrationStatus.RETURNED, "RETURNED", null,
				"reviewer-huyen-cam-lam", "Bổ sung nguồn lực");

		workflow.completeRevision(registration("DK-2026-000002", "Tên mới"), HEAD);

		Task next = task("DK-2026-000002", AFTER_RESUBMISSION);
		assertThat(engine.getRuntimeService().getVariable(next.getProcessInstanceId(), Vars.REGISTRATION_NAME))
			.isEqualTo("Tên mới");
		verify(registrations).changeStatus("DK-2026-000002", RegistrationStatus.SUBMITTED, "RESUBMITTED", null,
				"head-xa-cam-hai-dong", null);
	}

	@Test
	void completingARevisionWithoutAnOpenRevisionTaskIsAConflict() {
		workflow.start(registration("DK-2026-000003", "Chưa bị trả lại"), plan(), HEAD);
		assertThatThrownBy(() -> workflow.completeRevision(registration("DK-2026-000003", "X"), HEAD))
			.isInstanceOfSatisfying(DvkException.class,
					ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
	}

	private static Task task(String businessKey, String taskKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	private static Plan plan() {
		return new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null,
				List.of(new PlanField("KINH_TE", "Kinh tế")), List.of(), ReviewMode.EVERY_LEVEL,
				Instant.now().plusSeconds(86_400), 7, 5, 10, PlanStatus.REGISTRATION_OPEN, "drafter", Instant.now(),
				Instant.now());
	}

	private static Registration registration(String code, String name) {
		Instant now = Instant.now();
		return new Registration(code, "KH-2026-01", "xa-cam-hai-dong", RegistrationKind.MODEL, "KINH_TE", false, null,
				new RegistrationItems(name, "a", "b", "c", "d", "e", "f", "g", "h", "i"), RegistrationStatus.SUBMITTED,
				"head-xa-cam-hai-dong", now, now, now);
	}

}
