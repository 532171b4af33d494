package vn.dvk.plan.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@code ${updatePlanStatusDelegate}}: records the status named by the task's local input
 * variable {@code status} (a {@link PlanStatus} name), with the {@code comment} variable if any
 * and the engine's authenticated user as actor.
 */
@Component(UpdatePlanStatusDelegate.BEAN)
class UpdatePlanStatusDelegate implements JavaDelegate {

	static final String BEAN = "updatePlanStatusDelegate";

	private final PlanService plans;

	private final IdentityService identity;

	UpdatePlanStatusDelegate(PlanService plans, IdentityService identity) {
		this.plans = plans;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		plans.changeStatus(PlanVariables.planCode(execution), status(execution), EngineIdentity.actor(identity),
				PlanVariables.comment(execution));
	}

	private static PlanStatus status(DelegateExecution execution) {
		Object value = execution.getVariableLocal(PlanIssuanceProcess.Vars.STATUS);
		if (!(value instanceof String name) || name.isBlank()) {
			throw new IllegalStateException("Activity " + execution.getCurrentActivityId()
					+ " needs a local input variable 'status' naming a PlanStatus, got " + value);
		}
		try {
			return PlanStatus.valueOf(name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Activity " + execution.getCurrentActivityId()
					+ ": 'status' is not a PlanStatus: " + name, ex);
		}
	}

}
