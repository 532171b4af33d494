package vn.dvk.plan.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanStatus;
import vn.dvk.shared.DvkException;

/**
 * The engine glue on a real in-memory engine (H2, Spin JSON variables) with a stand-in process
 * that has the two user tasks the glue relies on: revise, then approve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CamundaPlanWorkflowTests {

	ProcessEngine engine;

	CamundaPlanWorkflow workflow;

	@BeforeAll
	void startEngine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setJdbcUrl("jdbc:h2:mem:plan-workflow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		configuration.setJobExecutorActivate(false);
		configuration.setDefaultSerializationFormat("application/json");
		configuration.setJavaSerializationFormatEnabled(false);
		configuration.setProcessEnginePlugins(List.of(new SpinProcessEnginePlugin()));
		configuration.setProcessEngineName("plan-workflow-" + UUID.randomUUID());
		engine = configuration.buildProcessEngine();
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance(PlanIssuanceProcess.KEY + ".bpmn", Bpmn.createExecutableProcess(PlanIssuanceProcess.KEY)
				.camundaHistoryTimeToLive(1)
				.startEvent(PlanIssuanceProcess.Ids.START_PLAN_SUBMITTED)
				.userTask(PlanIssuanceProcess.Ids.REVISE_PLAN)
				.userTask(PlanIssuanceProcess.Ids.APPROVE_PLAN)
				.endEvent()
				.done())
			.deploy();
		workflow = new CamundaPlanWorkflow(engine.getRuntimeService(), engine.getTaskService(),
				engine.getIdentityService(), engine.getManagementService());
	}

	@AfterEach
	void deleteInstances() {
		var runtime = engine.getRuntimeService();
		runtime.createProcessInstanceQuery().list().forEach(p -> runtime.deleteProcessInstance(p.getId(), "test done"));
	}

	@AfterAll
	void closeEngine() {
		engine.close();
	}

	@Test
	void startingRunsTheProcessAsTheSubmitterWithThePlanVariables() {
		workflow.start(PlanProcessFixtures.plan(PlanStatus.DRAFT, PlanProcessFixtures.DEADLINE, 7,
				List.of("xa-cam-lam", "phuong-nha-trang")), "drafter");

		ProcessInstance instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey("KH-2026-01")
			.singleResult();
		assertThat(instance.getProcessDefinitionId()).startsWith(PlanIssuanceProcess.KEY);
		var runtime = engine.getRuntimeService();
		String id = instance.getId();
		assertThat(runtime.getVariable(id, "planCode")).isEqualTo("KH-2026-01");
		assertThat(runtime.getVariable(id, "planTitle")).isEqualTo("Kế hoạch thi đua \"Dân vận khéo\" năm 2026");
		assertThat(runtime.getVariable(id, "submittedBy")).isEqualTo("drafter");
		assertThat(runtime.getVariable(id, "registrationDeadline")).isEqualTo(Date.from(PlanProcessFixtures.DEADLINE));
		assertThat(runtime.getVariable(id, "registrationReminderAt"))
			.isEqualTo(Date.from(PlanProcessFixtures.DEADLINE.minus(Duration.ofDays(7))));
		ObjectValue groups = runtime.getVariableTyped(id, "scopeUnitGroups");
		assertThat(groups.getSerializationDataFormat()).isEqualTo("application/json");
		assertThat(groups.getValueSerialized()).isEqualTo("[\"unit-xa-cam-lam\",\"unit-phuong-nha-trang\"]");
		assertThat(groups.getValue()).isEqualTo(List.of("unit-xa-cam-lam", "unit-phuong-nha-trang"));
		assertThat(engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(id)
			.singleResult()
			.getStartUserId()).isEqualTo("drafter");
		assertThat(engine.getIdentityService().getCurrentAuthentication()).isNull();
	}

	@Test
	void theCallersOwnEngineAuthenticationWithItsGroupsIsKeptAndRestored() {
		var identity = engine.getIdentityService();
		identity.setAuthentication("drafter", List.of("plan-drafters"));
		try {
			workflow.start(PlanProcessFixtures.plan(PlanStatus.DRAFT, PlanProcessFixtures.DEADLINE, 3,
					List.of("xa-cam-lam")), "drafter");

			assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("drafter");
			assertThat(identity.getCurrentAuthentication().getGroupIds()).containsExactly("plan-drafters");
			String id = engine.getRuntimeService().createProcessInstanceQuery().singleResult().getId();
			assertThat(engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(id)
				.singleResult()
				.getStartUserId()).isEqualTo("drafter");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Test
	void aPlanWhoseProcessIsRunningCannotBeStartedTwice() {
		Plan plan = PlanProcessFixtures.plan(PlanStatus.DRAFT, PlanProcessFixtures.DEADLINE, 3, List.of("xa-cam-lam"));
		workflow.start(plan, "drafter");

		assertThatThrownBy(() -> workflow.start(plan, "drafter")).isInstanceOfSatisfying(DvkException.class, ex -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(ex.messageKey()).isEqualTo("plan.submit.alreadyStarted");
		});
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(1);
	}

	@Test
	void resubmittingCompletesTheRevisionWithTheRevisedDataAndForgetsTheReturnReason() {
		workflow.start(PlanProcessFixtures.plan(PlanStatus.DRAFT, PlanProcessFixtures.DEADLINE, 3,
				List.of("xa-cam-lam", "phuong-nha-trang")), "drafter");
		String id = engine.getRuntimeService().createProcessInstanceQuery().singleResult().getId();
		engine.getRuntimeService().setVariable(id, "comment", "Lùi hạn đăng ký");
		var later = PlanProcessFixtures.DEADLINE.plus(Duration.ofDays(10));

		workflow.resubmit(PlanProcessFixtures.plan(PlanStatus.RETURNED, later, 5, List.of("xa-cam-lam")), "drafter2");

		Task open = engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult();
		assertThat(open.getTaskDefinitionKey()).isEqualTo(PlanIssuanceProcess.Ids.APPROVE_PLAN);
		var runtime = engine.getRuntimeService();
		assertThat(runtime.getVariable(id, "registrationDeadline")).isEqualTo(Date.from(later));
		assertThat(runtime.getVariable(id, "registrationReminderAt"))
			.isEqualTo(Date.from(later.minus(Duration.ofDays(5))));
		assertThat(runtime.getVariable(id, "scopeUnitGroups")).isEqualTo(List.of("unit-xa-cam-lam"));
		assertThat(runtime.getVariable(id, "submittedBy")).isEqualTo("drafter2");
		assertThat(runtime.getVariable(id, "comment")).isNull();
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(id)
			.taskDefinitionKey(PlanIssuanceProcess.Ids.REVISE_PLAN)
			.finished()
			.count()).isEqualTo(1);
	}

	@Test
	void resubmittingWithoutAnOpenRevisionIsAConflict() {
		Plan returned = PlanProcessFixtures.plan(PlanStatus.RETURNED, PlanProcessFixtures.DEADLINE, 3,
				List.of("xa-cam-lam"));

		assertThatThrownBy(() -> workflow.resubmit(returned, "drafter"))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("plan.submit.noRevisionTask");
			});
	}

}
