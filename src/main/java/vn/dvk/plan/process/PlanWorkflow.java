package vn.dvk.plan.process;

import vn.dvk.plan.Plan;
import vn.dvk.plan.SeasonDates;

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

	/**
	 * The plan's season dates were set or changed: a process waiting for them goes on, a pending
	 * evaluation or result-report timer moves to the new date. Nothing happens for a plan whose
	 * process has not reached those steps (the dates are read when registration closes).
	 */
	default void seasonChanged(Plan plan, SeasonDates season) {
	}

}
