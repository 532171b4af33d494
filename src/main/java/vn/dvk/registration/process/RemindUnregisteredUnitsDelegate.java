package vn.dvk.registration.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.UnregisteredUnits;

/**
 * PlanIssuanceProcess, before the registration deadline: emails the heads ({@code unit-<code>})
 * of the plan's units in scope that have no registration yet (drafts do not count), one message
 * per unit so it can address the unit by name ({@link UnregisteredUnits}). Template
 * {@code registration-reminder}; model {@code planCode}, {@code planTitle},
 * {@code registrationDeadline} (text, dd/MM/yyyy HH:mm in Vietnam time), {@code unitCode},
 * {@code unitName}; dedup key {@code registration-reminder:<plan>:<activity instance>:<unit>}, so
 * a retried job queues nothing twice.
 */
@Component("remindUnregisteredUnitsDelegate")
class RemindUnregisteredUnitsDelegate implements JavaDelegate {

	static final String TEMPLATE = UnregisteredUnits.TEMPLATE;

	/** PlanIssuanceProcess.Vars.PLAN_CODE (that class is internal to the plan module). */
	static final String PLAN_CODE = "planCode";

	private final PlanService plans;

	private final UnregisteredUnits unregistered;

	RemindUnregisteredUnitsDelegate(PlanService plans, UnregisteredUnits unregistered) {
		this.plans = plans;
		this.unregistered = unregistered;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String planCode = (String) execution.getVariable(PLAN_CODE);
		unregistered.remind(plans.require(planCode), execution.getActivityInstanceId());
	}

}
