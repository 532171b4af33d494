package vn.dvk.registration.process;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.registration.Registration;
import vn.dvk.registration.process.ModelRegistrationProcess.Ids;
import vn.dvk.registration.process.ModelRegistrationProcess.Vars;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@link RegistrationWorkflow} on Camunda 7. The engine shares the application's DataSource and
 * Spring transaction manager, so a process start or task completion commits or rolls back with
 * the registration's own rows. The registration service has checked the caller's access; the
 * engine work runs as that person (history and delegates name them) without the engine's own
 * checks, see {@link EngineIdentity}.
 */
@Component
class CamundaRegistrationWorkflow implements RegistrationWorkflow {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final OrganizationService organization;

	CamundaRegistrationWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity,
			OrganizationService organization) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.organization = organization;
	}

	@Override
	public void start(Registration registration, Plan plan, CurrentUser actor) {
		Unit unit = organization.require(registration.unitCode());
		String parentLevel = organization.parent(unit.code()).map(parent -> parent.level().name()).orElse(null);
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.REGISTRATION_CODE, registration.code());
		variables.put(Vars.REGISTRATION_NAME, registration.name());
		variables.put(Vars.PLAN_CODE, registration.planCode());
		variables.put(Vars.UNIT_CODE, unit.code());
		variables.put(Vars.UNIT_NAME, unit.name());
		variables.put(Vars.UNIT_LEVEL, unit.level().name());
		variables.put(Vars.PARENT_LEVEL, parentLevel);
		variables.put(Vars.REVIEW_MODE, plan.reviewMode() == null ? null : plan.reviewMode().name());
		variables.put(Vars.REVIEW_DAYS, plan.reviewDays());
		variables.put(Vars.ESCALATION_DAYS, plan.escalationDays());
		EngineIdentity.runAs(identity, actor.id(), actor.groups(), () -> runtime.createProcessInstanceByKey(ModelRegistrationProcess.KEY)
			.businessKey(registration.code())
			.setVariables(variables)
			.execute());
	}

	@Override
	public void completeRevision(Registration registration, CurrentUser actor) {
		EngineIdentity.runAs(identity, actor.id(), actor.groups(), () -> {
			Task task = tasks.createTaskQuery()
				.processDefinitionKey(ModelRegistrationProcess.KEY)
				.processInstanceBusinessKey(registration.code())
				.taskDefinitionKey(Ids.REVISE_REGISTRATION)
				.active()
				.singleResult();
			if (task == null) {
				throw DvkException.conflict("registration.revise.noOpenTask", registration.code());
			}
			tasks.complete(task.getId(), Map.of(Vars.REGISTRATION_NAME, registration.name()));
		});
	}

	@Override
	public boolean hasOpenResultReportTask(String registrationCode) {
		return EngineIdentity.trusted(identity, () -> resultReportTask(registrationCode) != null);
	}

	@Override
	public void completeResultReport(Registration registration, CurrentUser actor) {
		EngineIdentity.runAs(identity, actor.id(), actor.groups(), () -> {
			Task task = resultReportTask(registration.code());
			if (task == null) {
				throw DvkException.conflict("registration.report.illegalStatus", registration.code(),
						registration.status().label());
			}
			tasks.complete(task.getId());
		});
	}

	private Task resultReportTask(String registrationCode) {
		return tasks.createTaskQuery()
			.processDefinitionKey(ModelRegistrationProcess.KEY)
			.processInstanceBusinessKey(registrationCode)
			.taskDefinitionKey(Ids.FILE_RESULT_REPORT)
			.active()
			.singleResult();
	}

}
