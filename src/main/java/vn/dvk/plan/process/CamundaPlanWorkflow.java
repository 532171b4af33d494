package vn.dvk.plan.process;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.dvk.plan.Plan;
import vn.dvk.plan.SeasonDates;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@link PlanWorkflow} on Camunda 7. The submitter is the engine's authenticated user while the
 * process moves on, so the first steps record them as actor and history names them as starter
 * (see {@link EngineIdentity} for the engine's own checks).
 */
@Component
class CamundaPlanWorkflow implements PlanWorkflow {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final ManagementService management;

	CamundaPlanWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity,
			ManagementService management) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.management = management;
	}

	@Override
	public void seasonChanged(Plan plan, SeasonDates season) {
		if (!season.evaluationScheduled()) {
			return;
		}
		EngineIdentity.trusted(identity, () -> {
			moveSeasonTimers(plan, season);
			return null;
		});
	}

	private void moveSeasonTimers(Plan plan, SeasonDates season) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processDefinitionKey(PlanIssuanceProcess.KEY)
			.processInstanceBusinessKey(plan.code())
			.active()
			.singleResult();
		if (instance == null) {
			return;
		}
		Execution waiting = runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId(PlanIssuanceProcess.Ids.WAIT_FOR_SEASON_SCHEDULE)
			.singleResult();
		if (waiting != null) {
			runtime.createMessageCorrelation(PlanIssuanceProcess.Messages.SEASON_SCHEDULED)
				.processInstanceId(instance.getId())
				.correlate();
			return;
		}
		Job evaluationTimer = management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(PlanIssuanceProcess.Ids.EVALUATION_OPENS)
			.timers()
			.singleResult();
		if (evaluationTimer != null) {
			runtime.setVariable(instance.getId(), PlanIssuanceProcess.Vars.EVALUATION_OPENS_AT,
					Date.from(season.evaluationOpensAt()));
			runtime.setVariable(instance.getId(), PlanIssuanceProcess.Vars.RESULT_REPORT_DEADLINE,
					Date.from(season.resultReportDeadline()));
			management.setJobDuedate(evaluationTimer.getId(), Date.from(season.evaluationOpensAt()));
		}
	}

	@Override
	public void start(Plan plan, String submittedBy) {
		Map<String, Object> variables = PlanVariables.submitted(plan, submittedBy);
		EngineIdentity.runAs(identity, submittedBy, List.of(), () -> {
			long running = runtime.createProcessInstanceQuery()
				.processDefinitionKey(PlanIssuanceProcess.KEY)
				.processInstanceBusinessKey(plan.code())
				.count();
			if (running > 0) {
				throw DvkException.conflict("plan.submit.alreadyStarted", plan.code());
			}
			runtime.createProcessInstanceByKey(PlanIssuanceProcess.KEY)
				.businessKey(plan.code())
				.setVariables(variables)
				.execute();
		});
	}

	@Override
	public void resubmit(Plan plan, String submittedBy) {
		Map<String, Object> variables = PlanVariables.submitted(plan, submittedBy);
		// the reason the plan was returned must not be recorded again as the resubmission's comment
		variables.put(PlanIssuanceProcess.Vars.COMMENT, null);
		EngineIdentity.runAs(identity, submittedBy, List.of(), () -> {
			Task task = tasks.createTaskQuery()
				.processDefinitionKey(PlanIssuanceProcess.KEY)
				.processInstanceBusinessKey(plan.code())
				.taskDefinitionKey(PlanIssuanceProcess.Ids.REVISE_PLAN)
				.active()
				.listPage(0, 1)
				.stream()
				.findFirst()
				.orElseThrow(() -> DvkException.conflict("plan.submit.noRevisionTask", plan.code()));
			runtime.setVariables(task.getProcessInstanceId(), variables);
			tasks.complete(task.getId());
		});
	}
}
