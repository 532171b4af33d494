package vn.dvk.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.dvk.security.CurrentUser;

/** The home page's task figures, on an in-memory engine of its own with authorization on. */
class OpenTasksTests {

	ProcessEngine engine;

	OpenTasks openTasks;

	@BeforeEach
	void engine() {
		ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName("open-tasks")
			.setJdbcUrl("jdbc:h2:mem:open-tasks;DB_CLOSE_DELAY=-1")
			.setJobExecutorActivate(false)
			.setAuthorizationEnabled(true);
		engine = config.buildProcessEngine();
		BpmnModelInstance review = Bpmn.createExecutableProcess("Review")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("review")
			.camundaCandidateGroups("reviewers-huyen")
			.endEvent()
			.done();
		engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn", review).deploy();
		openTasks = new OpenTasks(engine.getTaskService(), engine.getIdentityService());
	}

	@AfterEach
	void close() {
		engine.close();
	}

	@Test
	void countsTasksOfferedToTheGroupsAndAssignedToThePersonWithThoseOverdue() {
		engine.getRuntimeService().startProcessInstanceByKey("Review");
		engine.getRuntimeService().startProcessInstanceByKey("Review");
		String third = engine.getRuntimeService().startProcessInstanceByKey("Review").getId();
		Task claimed = engine.getTaskService().createTaskQuery().processInstanceId(third).singleResult();
		engine.getTaskService().claim(claimed.getId(), "reviewer-huyen");
		Task late = engine.getTaskService().createTaskQuery().taskUnassigned().listPage(0, 1).get(0);
		late.setDueDate(new Date(System.currentTimeMillis() - 86_400_000L));
		engine.getTaskService().saveTask(late);

		OpenTasks.Counts reviewer = openTasks.of(new CurrentUser("reviewer-huyen", Set.of("reviewers-huyen")));
		OpenTasks.Counts colleague = openTasks.of(new CurrentUser("reviewer-huyen-2", Set.of("reviewers-huyen")));
		OpenTasks.Counts outsider = openTasks.of(new CurrentUser("head-xa", Set.of("unit-heads", "unit-xa")));

		assertThat(reviewer).isEqualTo(new OpenTasks.Counts(3, 1));
		assertThat(colleague).isEqualTo(new OpenTasks.Counts(2, 1));
		assertThat(outsider).isEqualTo(new OpenTasks.Counts(0, 0));
	}

}
