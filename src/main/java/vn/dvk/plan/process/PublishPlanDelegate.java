package vn.dvk.plan.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.shared.process.EngineIdentity;

/**
 * {@code ${publishPlanDelegate}}: the approved plan opens for registration (published now), and
 * the timers and recipients are refreshed from its current data, since a revision may have
 * changed the deadline, the reminder or the scope.
 */
@Component(PublishPlanDelegate.BEAN)
class PublishPlanDelegate implements JavaDelegate {

	static final String BEAN = "publishPlanDelegate";

	private final PlanService plans;

	private final IdentityService identity;

	PublishPlanDelegate(PlanService plans, IdentityService identity) {
		this.plans = plans;
		this.identity = identity;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Plan plan = plans.publish(PlanVariables.planCode(execution), EngineIdentity.actor(identity),
				PlanVariables.comment(execution));
		execution.setVariables(PlanVariables.schedule(plan));
	}

}
