package vn.dvk.plan.process;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import vn.dvk.plan.Plan;
import vn.dvk.security.Groups;

/**
 * The process variables of {@link PlanIssuanceProcess} that come from the plan's data.
 */
final class PlanVariables {

	private PlanVariables() {
	}

	/** Everything the process needs when the plan is (re)submitted. */
	static Map<String, Object> submitted(Plan plan, String submittedBy) {
		Map<String, Object> variables = new HashMap<>(schedule(plan));
		variables.put(PlanIssuanceProcess.Vars.PLAN_CODE, plan.code());
		variables.put(PlanIssuanceProcess.Vars.PLAN_TITLE, plan.title());
		variables.put(PlanIssuanceProcess.Vars.SUBMITTED_BY, submittedBy);
		return variables;
	}

	/** Deadlines (java.util.Date, for timers) and the {@code unit-<code>} groups in scope. */
	static Map<String, Object> schedule(Plan plan) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(PlanIssuanceProcess.Vars.REGISTRATION_DEADLINE, Date.from(plan.registrationDeadline()));
		variables.put(PlanIssuanceProcess.Vars.REGISTRATION_REMINDER_AT, Date.from(plan.registrationReminderAt()));
		variables.put(PlanIssuanceProcess.Vars.SCOPE_UNIT_GROUPS, scopeUnitGroups(plan));
		return variables;
	}

	/** A JSON list (never Java serialization): {@code ["unit-xa-cam-lam", ...]}. */
	static ObjectValue scopeUnitGroups(Plan plan) {
		List<String> groups = new ArrayList<>(plan.scopeUnitCodes().stream().map(Groups::unit).toList());
		return Variables.objectValue(groups).serializationDataFormat(SerializationDataFormats.JSON).create();
	}

	/** The plan code of the running process: the {@code planCode} variable, else the business key. */
	static String planCode(DelegateExecution execution) {
		Object code = execution.getVariable(PlanIssuanceProcess.Vars.PLAN_CODE);
		if (code instanceof String text && !text.isBlank()) {
			return text;
		}
		String businessKey = execution.getProcessBusinessKey();
		if (businessKey == null || businessKey.isBlank()) {
			throw new IllegalStateException("PlanIssuanceProcess instance " + execution.getProcessInstanceId()
					+ " has neither a planCode variable nor a business key");
		}
		return businessKey;
	}

	/** The {@code comment} variable, if it is a non-blank text. */
	static String comment(DelegateExecution execution) {
		Object comment = execution.getVariable(PlanIssuanceProcess.Vars.COMMENT);
		return comment instanceof String text && !text.isBlank() ? text.strip() : null;
	}

}
