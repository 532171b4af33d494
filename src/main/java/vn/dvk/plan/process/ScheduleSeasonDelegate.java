package vn.dvk.plan.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.SeasonDates;

/**
 * {@code ${scheduleSeasonDelegate}}, once registration has closed: reads the season's dates from
 * the plan's rules into {@code evaluationOpensAt} and {@code resultReportDeadline}
 * (java.util.Date, for the timers) and {@code seasonScheduled} (both set). Without them the
 * process waits at ReceiveTask_WaitForSeasonSchedule until the drafter sets them.
 */
@Component(ScheduleSeasonDelegate.BEAN)
class ScheduleSeasonDelegate implements JavaDelegate {

	static final String BEAN = "scheduleSeasonDelegate";

	private final PlanService plans;

	ScheduleSeasonDelegate(PlanService plans) {
		this.plans = plans;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SeasonDates season = plans.rules(PlanVariables.planCode(execution)).season();
		execution.setVariable(PlanIssuanceProcess.Vars.EVALUATION_OPENS_AT, date(season.evaluationOpensAt()));
		execution.setVariable(PlanIssuanceProcess.Vars.RESULT_REPORT_DEADLINE, date(season.resultReportDeadline()));
		execution.setVariable(PlanIssuanceProcess.Vars.SEASON_SCHEDULED, season.evaluationScheduled());
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

}
