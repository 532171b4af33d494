package vn.dvk.review.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dvk.plan.PlanService;
import vn.dvk.registration.RegistrationService;
import vn.dvk.review.process.LevelReviewProcess.Ids;
import vn.dvk.review.process.LevelReviewProcess.Vars;
import vn.dvk.testsupport.Fixtures;
import vn.dvk.testsupport.RecordingDelegate;
import vn.dvk.testsupport.RecordingTaskListener;

/**
 * A new version of a process deployed while instances of the old one wait (docs/operations.md,
 * "Upgrading a process"): version 2 of {@code LevelReviewProcess} is the real BPMN with its review
 * task renamed and a step added before the end, deployed the way DVK's start-up deploys (every
 * resource of bpmn/ in one deployment named SpringAutoDeployment, only when something changed).
 * Waiting version-1 instances either finish on version 1, or are moved to version 2 with the
 * engine's migration API (synchronously, or as a batch as {@code /engine-rest/migration/executeAsync}
 * does) and finish there.
 */
class LevelReviewProcessUpgradeTests {

	/** The process tier's in-memory engine (never a resource named camunda.cfg.xml). */
	@RegisterExtension
	static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
		.builder("process-test.camunda.cfg.xml")
		.build();

	static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

	static final String DEPLOYMENT_NAME = "SpringAutoDeployment";

	static final String RECORDED = "IntermediateThrowEvent_ReviewRecorded";

	static final String V2_TASK_NAME = "Thẩm định (mẫu mới): ${registrationName} — ${unitName}";

	static final String[] RESOURCES = { "bpmn/LevelReviewProcess.bpmn", "bpmn/forms/review-registration.form" };

	final RegistrationService registrations = mock(RegistrationService.class);

	final PlanService plans = mock(PlanService.class);

	final List<String> deployments = new ArrayList<>();

	@BeforeEach
	void registerBeansAndDeployVersion1() {
		when(registrations.find(Fixtures.REGISTRATION))
			.thenReturn(Optional.of(Fixtures.registration(Fixtures.COMMUNE_UNDER_DISTRICT)));
		when(registrations.attachments(Fixtures.REGISTRATION)).thenReturn(List.of());
		when(registrations.history(Fixtures.REGISTRATION)).thenReturn(List.of());
		when(plans.find(Fixtures.PLAN)).thenReturn(Optional.of(Fixtures.plan()));
		Mocks.register("prepareReviewDelegate", new PrepareReviewDelegate(registrations, plans,
				Fixtures.organization(), Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"))));
		Mocks.register("recordReviewDecisionListener", new RecordReviewDecisionListener(registrations));
		Mocks.register("sendNotificationDelegate", new RecordingDelegate());
		Mocks.register("notifyCandidateGroupsListener", new RecordingTaskListener());
		deploy(Bpmn.readModelFromStream(resource(RESOURCES[0])));
	}

	@AfterEach
	void undeploy() {
		deployments.forEach(id -> repositoryService().deleteDeployment(id, true));
		Mocks.reset();
	}

	@Test
	void startUpDeploysOnlyWhenSomethingChangedAndThenEveryResourceAgain() {
		assertThat(deploy(Bpmn.readModelFromStream(resource(RESOURCES[0])))).as("nothing changed: no deployment")
			.isNull();

		Deployment v2 = deploy(version2());

		assertThat(v2).isNotNull();
		assertThat(repositoryService().getDeploymentResourceNames(v2.getId()))
			.as("the form comes along, so that formRefBinding=deployment finds it")
			.containsExactlyInAnyOrder(RESOURCES);
		assertThat(definition(2).getDeploymentId()).isEqualTo(v2.getId());
	}

	@Test
	void instancesOfVersion1FinishOnVersion1WhileNewOnesStartOnVersion2() {
		ProcessInstance old1 = start();
		ProcessInstance old2 = start();

		deploy(version2());
		ProcessInstance fresh = start();

		assertThat(fresh.getProcessDefinitionId()).isEqualTo(definition(2).getId());
		assertThat(task(fresh).getName()).startsWith("Thẩm định (mẫu mới): ");
		assertThat(task(old1).getName()).startsWith("Thẩm định: ");
		try (InputStream form = formService().getDeployedTaskForm(task(fresh).getId())) {
			assertThat(form).as("version 2's task finds its form in its own deployment").isNotNull();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}

		for (ProcessInstance old : List.of(old1, old2)) {
			approve(old);
			assertThat(old).isEnded().hasPassed(Ids.END_LEVEL_REVIEW_COMPLETED).hasNotPassed(RECORDED);
			assertThat(historyService().createHistoricProcessInstanceQuery()
				.processInstanceId(old.getId())
				.singleResult()
				.getProcessDefinitionId()).isEqualTo(definition(1).getId());
		}
		approve(fresh);
		assertThat(fresh).isEnded().hasPassed(RECORDED, Ids.END_LEVEL_REVIEW_COMPLETED);
	}

	@Test
	void waitingInstancesMigratedSynchronouslyFinishOnVersion2WithTheirTaskTimersAndVariables() {
		ProcessInstance old = start();
		String taskId = task(old).getId();
		Date overdue = timer(old, Ids.REVIEW_OVERDUE).getDuedate();
		deploy(version2());

		MigrationPlan plan = migrationPlan();
		runtimeService().newMigration(plan)
			.processInstanceQuery(runtimeService().createProcessInstanceQuery().processDefinitionId(definition(1).getId()))
			.execute();

		ProcessInstance migrated = runtimeService().createProcessInstanceQuery().processInstanceId(old.getId()).singleResult();
		assertThat(migrated.getProcessDefinitionId()).isEqualTo(definition(2).getId());
		assertThat(task(migrated).getId()).as("the same task").isEqualTo(taskId);
		assertThat(task(migrated).getName()).as("its name as it was").startsWith("Thẩm định: ");
		assertThat(timer(migrated, Ids.REVIEW_OVERDUE).getDuedate()).isEqualTo(overdue);
		assertThat(runtimeService().getVariable(old.getId(), Vars.REVIEW_UNIT_CODE)).isEqualTo(Fixtures.DISTRICT);

		approve(migrated);
		assertThat(migrated).isEnded().hasPassed(RECORDED, Ids.END_LEVEL_REVIEW_COMPLETED);
	}

	@Test
	void waitingInstancesMigratedAsABatchFinishOnVersion2() {
		ProcessInstance old1 = start();
		ProcessInstance old2 = start();
		deploy(version2());

		Batch batch = runtimeService().newMigration(migrationPlan())
			.processInstanceIds(old1.getId(), old2.getId())
			.executeAsync();
		runBatch(batch);

		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionId(definition(1).getId()).count())
			.isZero();
		assertThat(runtimeService().createProcessInstanceQuery().processDefinitionId(definition(2).getId()).count())
			.isEqualTo(2);
		assertThat(managementService().createBatchQuery().batchId(batch.getId()).count()).as("batch finished").isZero();
		for (ProcessInstance old : List.of(old1, old2)) {
			approve(old);
			assertThat(old).isEnded().hasPassed(RECORDED);
		}
	}

	/** Every activity kept its id, so mapEqualActivities maps them all, boundary timers included. */
	private static MigrationPlan migrationPlan() {
		return runtimeService().createMigrationPlan(definition(1).getId(), definition(2).getId())
			.mapEqualActivities()
			.build();
	}

	/**
	 * Version 2: the real BPMN with its review task renamed and an intermediate event "review
	 * recorded" added between the review and the end, as a modeller's change would.
	 */
	private static BpmnModelInstance version2() {
		BpmnModelInstance model = Bpmn.readModelFromStream(resource(RESOURCES[0]));
		Process process = model.getModelElementById(LevelReviewProcess.KEY);
		UserTask review = model.getModelElementById(Ids.REVIEW_REGISTRATION);
		review.setName(V2_TASK_NAME);

		IntermediateThrowEvent recorded = model.newInstance(IntermediateThrowEvent.class);
		recorded.setId(RECORDED);
		recorded.setName("Đã ghi nhận kết quả thẩm định");
		process.addChildElement(recorded);
		SequenceFlow reviewed = model.getModelElementById("SequenceFlow_Reviewed");
		FlowNode end = reviewed.getTarget();
		reviewed.setTarget(recorded);
		SequenceFlow toEnd = model.newInstance(SequenceFlow.class);
		toEnd.setId("SequenceFlow_Recorded");
		process.addChildElement(toEnd);
		toEnd.setSource(recorded);
		toEnd.setTarget(end);
		Bpmn.validateModel(model);
		return model;
	}

	/**
	 * What DVK's start-up does (SpringProcessEngineConfiguration.autoDeployResources): every resource in
	 * one deployment named SpringAutoDeployment, with duplicate filtering; null when nothing changed.
	 */
	private Deployment deploy(BpmnModelInstance levelReview) {
		var builder = repositoryService().createDeployment()
			.name(DEPLOYMENT_NAME)
			.enableDuplicateFiltering(false)
			.addModelInstance(RESOURCES[0], levelReview)
			.addInputStream(RESOURCES[1], resource(RESOURCES[1]));
		Deployment deployment = builder.deployWithResult();
		if (deployments.contains(deployment.getId())) {
			// the engine answers with the previous deployment when every resource is unchanged
			return null;
		}
		deployments.add(deployment.getId());
		return deployment;
	}

	private static ProcessDefinition definition(int version) {
		return repositoryService().createProcessDefinitionQuery()
			.processDefinitionKey(LevelReviewProcess.KEY)
			.processDefinitionVersion(version)
			.singleResult();
	}

	private static ProcessInstance start() {
		return runtimeService().startProcessInstanceByKey(LevelReviewProcess.KEY, Fixtures.REGISTRATION,
				Map.of(Vars.REGISTRATION_CODE, Fixtures.REGISTRATION, Vars.REGISTRATION_NAME,
						"Dân vận khéo trong xây dựng nông thôn mới", Vars.UNIT_CODE, Fixtures.COMMUNE_UNDER_DISTRICT,
						Vars.UNIT_NAME, "Xã Cam Hải Đông", "planCode", Fixtures.PLAN, Vars.REVIEW_UNIT_CODE,
						Fixtures.DISTRICT, Vars.REVIEW_DAYS, 5, Vars.ESCALATION_DAYS, 10));
	}

	private static void approve(ProcessInstance instance) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.DECISION, "APPROVE");
		variables.put(Vars.COMMENT, null);
		taskService().complete(task(instance).getId(), variables);
	}

	private static Job timer(ProcessInstance instance, String activityId) {
		return managementService().createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.timers()
			.singleResult();
	}

	/** Runs the batch's seed job, its migration jobs and its monitor job, as the job executor would. */
	private static void runBatch(Batch batch) {
		for (String jobDefinitionId : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
				batch.getMonitorJobDefinitionId())) {
			for (Job job : managementService().createJobQuery().jobDefinitionId(jobDefinitionId).list()) {
				managementService().executeJob(job.getId());
			}
		}
	}

	private static InputStream resource(String name) {
		InputStream stream = LevelReviewProcessUpgradeTests.class.getClassLoader().getResourceAsStream(name);
		if (stream == null) {
			throw new IllegalStateException("missing on the class path: " + name);
		}
		return stream;
	}

}
