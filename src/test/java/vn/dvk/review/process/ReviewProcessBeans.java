package vn.dvk.review.process;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import vn.dvk.organization.OrganizationService;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.RegistrationService;

/** The review module's real delegates and listeners for the process tests of other packages. */
public final class ReviewProcessBeans {

	private ReviewProcessBeans() {
	}

	public static TaskListener decisionContractListener() {
		return new DecisionContractListener();
	}

	public static TaskListener recordReviewDecisionListener(RegistrationService registrations) {
		return new RecordReviewDecisionListener(registrations);
	}

	public static JavaDelegate resolveReviewUnitsDelegate(OrganizationService organization) {
		return new ResolveReviewUnitsDelegate(organization);
	}

	public static JavaDelegate prepareReviewDelegate(RegistrationService registrations, PlanService plans,
			OrganizationService organization, Clock clock) {
		return new PrepareReviewDelegate(registrations, plans, organization, clock);
	}

}
