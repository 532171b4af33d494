package vn.dvk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tasks opened while engine authorization was off have no task authorizations; the backfill gives
 * their candidates and assignee what the engine would have given, once. On an in-memory engine of
 * its own (not the shared process-test configuration).
 */
class TaskAuthorizationBackfillTests {

	ProcessEngine engine;

	ProcessEngineConfigurationImpl config;

	TaskAuthorizationBackfill backfill;

	@BeforeEach
	void engine() {
		config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName("task-authorization-backfill")
			.setJdbcUrl("jdbc:h2:mem:task-authorization-backfill;DB_CLOSE_DELAY=-1")
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setJobExecutorActivate(false);
		config.setEnableHistoricInstancePermissions(true);
		engine = config.buildProcessEngine();
		BpmnModelInstance review = Bpmn.createExecutableProcess("Review")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("district")
			.camundaCandidateGroups("reviewers-huyen")
			.userTask("council")
			.camundaAssignee("council1")
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn", review).deploy();
		backfill = new TaskAuthorizationBackfill(engine.getTaskService(), engine.getAuthorizationService(),
				engine.getManagementService());
	}

	@AfterEach
	void close() {
		engine.close();
	}

	List<String> tasksSeenBy(String user, String... groups) {
		engine.getIdentityService().setAuthentication(user, List.of(groups));
		try {
			return engine.getTaskService().createTaskQuery().list().stream().map(t -> t.getTaskDefinitionKey()).toList();
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void tasksOpenedBeforeAuthorizationWasOnAreSeenByTheirCandidatesOnceBackfilled() {
		// data from before: authorization off while the tasks were created
		config.setAuthorizationEnabled(false);
		engine.getRuntimeService().startProcessInstanceByKey("Review");
		String second = engine.getRuntimeService().startProcessInstanceByKey("Review").getId();
		engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(second).singleResult().getId());
		config.setAuthorizationEnabled(true);
		assertThat(tasksSeenBy("reviewer-huyen", "reviewers-huyen")).isEmpty();
		assertThat(tasksSeenBy("council1")).isEmpty();

		assertThat(backfill.runOnce()).isEqualTo(4); // task and historic task, for the group and the assignee

		assertThat(tasksSeenBy("reviewer-huyen", "reviewers-huyen")).containsExactly("district");
		assertThat(tasksSeenBy("council1")).containsExactly("council");
		assertThat(tasksSeenBy("reviewer-tinh", "reviewers-tinh")).isEmpty();
		engine.getIdentityService().setAuthentication("reviewer-huyen", List.of("reviewers-huyen"));
		try {
			assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().list()).hasSize(1);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}

		// once per database
		assertThat(backfill.runOnce()).isZero();
	}

}
