package vn.dvk.registration.process;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.SeasonDates;
import vn.dvk.registration.process.ModelRegistrationProcess.Vars;

/**
 * ServiceTask_CheckEvaluationOpened, right after a registration is accepted: when the plan's
 * evaluation has already opened (a late acceptance, e.g. a review that outlasted the opening),
 * sets {@code evaluationOpened} with {@code resultReportDeadline} and
 * {@code resultReportReminderAt} (java.util.Date, as Msg_EvaluationOpened would), so the unit
 * is asked for its result report at once instead of waiting for a message that was sent before
 * it was accepted. Otherwise {@code evaluationOpened} is false and the process waits.
 * The plan's row is locked for the rest of the transaction (PlanService#openedEvaluation), so an
 * acceptance at the very moment the evaluation opens is never missed by both.
 */
@Component(CheckEvaluationOpenedDelegate.BEAN)
class CheckEvaluationOpenedDelegate implements JavaDelegate {

	static final String BEAN = "checkEvaluationOpenedDelegate";

	private static final Logger log = LoggerFactory.getLogger(CheckEvaluationOpenedDelegate.class);

	private final PlanService plans;

	private final Clock clock;

	CheckEvaluationOpenedDelegate(PlanService plans, ObjectProvider<Clock> clock) {
		this.plans = plans;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@Override
	public void execute(DelegateExecution execution) {
		String planCode = (String) execution.getVariable(Vars.PLAN_CODE);
		Optional<SeasonDates> opened = plans.openedEvaluation(planCode);
		execution.setVariable(Vars.EVALUATION_OPENED, opened.isPresent());
		if (opened.isEmpty()) {
			return;
		}
		Instant deadline = opened.get().resultReportDeadline();
		if (deadline == null) {
			throw new IllegalStateException("Plan " + planCode + " is in evaluation without a result report deadline");
		}
		Instant reminderAt = ResultReportDates.reminderAt(deadline, plans.require(planCode).reminderDaysBefore(),
				clock.instant());
		execution.setVariable(Vars.RESULT_REPORT_DEADLINE, Date.from(deadline));
		execution.setVariable(Vars.RESULT_REPORT_REMINDER_AT, Date.from(reminderAt));
		log.info("Registration {} accepted after the evaluation of plan {} opened: result report asked for at once",
				execution.getProcessBusinessKey(), planCode);
	}

}
