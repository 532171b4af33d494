package vn.dvk.award.process;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.dvk.award.Nomination;
import vn.dvk.award.process.AwardNominationProcess.Ids;
import vn.dvk.award.process.AwardNominationProcess.Vars;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.process.EngineIdentity;

/** {@link NominationWorkflow} on Camunda 7, run as the caller (see {@link EngineIdentity}). */
@Component
class CamundaNominationWorkflow implements NominationWorkflow {

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final IdentityService identity;

	private final OrganizationService organization;

	CamundaNominationWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity,
			OrganizationService organization) {
		this.runtime = runtime;
		this.tasks = tasks;
		this.identity = identity;
		this.organization = organization;
	}

	@Override
	public void start(Nomination nomination, String actor) {
		Map<String, Object> variables = variables(nomination,
				organization.find(nomination.unitCode()).map(Unit::name).orElse(nomination.unitCode()));
		EngineIdentity.runAs(identity, actor, List.of(), () -> {
			if (runtime.createProcessInstanceQuery()
				.processDefinitionKey(AwardNominationProcess.KEY)
				.processInstanceBusinessKey(nomination.code())
				.count() > 0) {
				throw DvkException.conflict("award.workflow.alreadyStarted", nomination.code());
			}
			runtime.createProcessInstanceByKey(AwardNominationProcess.KEY)
				.businessKey(nomination.code())
				.setVariables(variables)
				.execute();
		});
	}

	/** The variables a nomination's process starts with. */
	static Map<String, Object> variables(Nomination n, String unitName) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.NOMINATION_CODE, n.code());
		variables.put(Vars.PLAN_CODE, n.planCode());
		variables.put(Vars.AWARD_TYPE, n.awardType());
		variables.put(Vars.AWARD_NAME, n.awardName());
		variables.put(Vars.AWARD_AUTHORITY, n.awardAuthority());
		variables.put(Vars.EXTERNAL, n.external());
		variables.put(Vars.RECIPIENT_KIND, n.recipientKind().name());
		variables.put(Vars.RECIPIENT_KIND_NAME, n.recipientKind().label());
		variables.put(Vars.RECIPIENT_NAME, n.recipientName());
		variables.put(Vars.RECIPIENT_POSITION, n.personPosition());
		variables.put(Vars.RECIPIENT_UNIT_CODE, n.unitCode());
		variables.put(Vars.RECIPIENT_UNIT_NAME, unitName);
		variables.put(Vars.REGISTRATION_CODE, n.registrationCode());
		variables.put(Vars.ACHIEVEMENT, n.achievement());
		variables.put(Vars.NOMINATED_BY, n.nominatedBy());
		variables.put(Vars.REMINDER_CYCLE, AwardNominationProcess.DEFAULT_REMINDER_CYCLE);
		variables.put(Vars.DECISION, null);
		variables.put(Vars.COMMENT, null);
		return variables;
	}

	@Override
	public void completeAuthorityDecision(String nominationCode, String outcome, String number, LocalDate date,
			String authority, String actor) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(Vars.AUTHORITY_OUTCOME, outcome);
		variables.put(Vars.DECISION_NUMBER, number);
		variables.put(Vars.DECISION_DATE, date.toString());
		variables.put(Vars.DECISION_AUTHORITY, authority);
		EngineIdentity.runAs(identity, actor, List.of(), () -> {
			Task task = tasks.createTaskQuery()
				.processDefinitionKey(AwardNominationProcess.KEY)
				.processInstanceBusinessKey(nominationCode)
				.taskDefinitionKey(Ids.RECORD_AUTHORITY_DECISION)
				.active()
				.listPage(0, 1)
				.stream()
				.findFirst()
				.orElseThrow(() -> DvkException.conflict("award.decision.noTask", nominationCode));
			tasks.complete(task.getId(), variables);
		});
	}

}
