package vn.dvk.registration.process;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.SeasonDates;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;

/**
 * PlanIssuanceProcess, when the evaluation opens: correlates {@code Msg_EvaluationOpened} to the
 * ModelRegistrationProcess of every ACCEPTED registration of the plan (business key =
 * registration code), with {@code resultReportDeadline} and {@code resultReportReminderAt}
 * (java.util.Date). The reminder is the plan's {@code reminderDaysBefore} days before the
 * deadline, or half-way to it when that is already past. A registration whose process is not
 * waiting for the message is skipped with a warning: one accepted before this version, or one
 * accepted after the opening, which CheckEvaluationOpenedDelegate sends on at once.
 */
@Component(OpenEvaluationDelegate.BEAN)
class OpenEvaluationDelegate implements JavaDelegate {

	static final String BEAN = "openEvaluationDelegate";

	/** PlanIssuanceProcess.Vars.PLAN_CODE. */
	static final String PLAN_CODE = "planCode";

	private static final Logger log = LoggerFactory.getLogger(OpenEvaluationDelegate.class);

	private final PlanService plans;

	private final RegistrationService registrations;

	private final Clock clock;

	OpenEvaluationDelegate(PlanService plans, RegistrationService registrations, ObjectProvider<Clock> clock) {
		this.plans = plans;
		this.registrations = registrations;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void execute(DelegateExecution execution) {
		String planCode = (String) execution.getVariable(PLAN_CODE);
		Plan plan = plans.require(planCode);
		SeasonDates season = plans.rules(planCode).season();
		if (season.resultReportDeadline() == null) {
			throw new IllegalStateException("Plan " + planCode + " has no result report deadline");
		}
		Date deadline = Date.from(season.resultReportDeadline());
		Date reminderAt = Date.from(ResultReportDates.reminderAt(season.resultReportDeadline(),
				plan.reminderDaysBefore(), clock.instant()));
		RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
		List<Registration> accepted = registrations.inStatus(planCode, RegistrationStatus.ACCEPTED, null);
		int correlated = 0;
		for (Registration registration : accepted) {
			int matched = runtime.createMessageCorrelation(ModelRegistrationProcess.Messages.EVALUATION_OPENED)
				.processInstanceBusinessKey(registration.code())
				.setVariable(ModelRegistrationProcess.Vars.RESULT_REPORT_DEADLINE, deadline)
				.setVariable(ModelRegistrationProcess.Vars.RESULT_REPORT_REMINDER_AT, reminderAt)
				.correlateAllWithResult()
				.size();
			if (matched == 0) {
				log.warn("Registration {} is ACCEPTED but its process does not wait for {}", registration.code(),
						ModelRegistrationProcess.Messages.EVALUATION_OPENED);
			}
			correlated += matched;
		}
		log.info("Evaluation of plan {} opened: {} of {} accepted registrations asked for a result report", planCode,
				correlated, accepted.size());
	}

}
