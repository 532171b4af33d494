package vn.dvk.plan.process;

import vn.dvk.plan.Plan;

/**
 * What {@code PlanService} asks of the workflow engine. Internal to the plan module (this package
 * is not part of its API); the engine implementation is {@link CamundaPlanWorkflow}, tests use a
 * fake.
 */
public interface PlanWorkflow {

	/**
	 * Starts {@link PlanIssuanceProcess} for a DRAFT plan (business key = plan code).
	 * @param submittedBy the user who sends it for approval
	 */
	void start(Plan plan, String submittedBy);

	/**
	 * Sends a RETURNED plan back for approval: completes the open {@code UserTask_RevisePlan} of its
	 * process, refreshing the plan's variables.
	 */
	void resubmit(Plan plan, String submittedBy);

}
