package vn.dvk.plan.process;

import org.springframework.modulith.NamedInterface;

/**
 * Names in {@code bpmn/PlanIssuanceProcess.bpmn}: one instance per plan, business key = plan code.
 * Other modules may use these names (named interface {@code process}); the rest of this package
 * is internal to the plan module.
 */
@NamedInterface("process")
public final class PlanIssuanceProcess {

	public static final String KEY = "PlanIssuanceProcess";

	/** Process variables. */
	public static final class Vars {
		public static final String PLAN_CODE = "planCode";
		public static final String PLAN_TITLE = "planTitle";
		public static final String SUBMITTED_BY = "submittedBy";
		/** java.util.Date: the deadline timer closes registration then. */
		public static final String REGISTRATION_DEADLINE = "registrationDeadline";
		/** java.util.Date: units that have not registered are reminded then. */
		public static final String REGISTRATION_REMINDER_AT = "registrationReminderAt";
		/** List of {@code unit-<code>} groups of the units in scope (email recipients on publish). */
		public static final String SCOPE_UNIT_GROUPS = "scopeUnitGroups";
		public static final String DECISION = "decision";
		public static final String COMMENT = "comment";
		/**
		 * Local input variable of each {@code updatePlanStatusDelegate} service task: the
		 * {@code PlanStatus} name to record, e.g. {@code IN_APPROVAL}.
		 */
		public static final String STATUS = "status";
		/** java.util.Date from the plan's rules: the evaluation opens then (timer). */
		public static final String EVALUATION_OPENS_AT = "evaluationOpensAt";
		/** java.util.Date from the plan's rules: result reports are due then (timer). */
		public static final String RESULT_REPORT_DEADLINE = "resultReportDeadline";
		/** Boolean: both dates above are set; otherwise the process waits for Msg_SeasonScheduled. */
		public static final String SEASON_SCHEDULED = "seasonScheduled";

		private Vars() {
		}
	}

	/** Element ids. */
	public static final class Ids {
		public static final String START_PLAN_SUBMITTED = "StartEvent_PlanSubmitted";
		public static final String MARK_IN_APPROVAL = "ServiceTask_MarkPlanInApproval";
		public static final String APPROVE_PLAN = "UserTask_ApprovePlan";
		public static final String GATEWAY_APPROVAL_DECISION = "Gateway_ApprovalDecision";
		public static final String MARK_RETURNED = "ServiceTask_MarkPlanReturned";
		public static final String REVISE_PLAN = "UserTask_RevisePlan";
		public static final String MARK_REJECTED = "ServiceTask_MarkPlanRejected";
		public static final String END_PLAN_REJECTED = "EndEvent_PlanRejected";
		public static final String PUBLISH_PLAN = "ServiceTask_PublishPlan";
		public static final String NOTIFY_UNITS_IN_SCOPE = "SendTask_NotifyUnitsInScope";
		public static final String REMINDER_DUE = "TimerEvent_RegistrationReminderDue";
		public static final String REMIND_UNREGISTERED_UNITS = "ServiceTask_RemindUnregisteredUnits";
		public static final String END_REMINDERS_SENT = "EndEvent_RemindersSent";
		public static final String REGISTRATION_DEADLINE = "TimerEvent_RegistrationDeadline";
		public static final String CLOSE_REGISTRATION = "ServiceTask_CloseRegistration";
		public static final String GATEWAY_CLOSED_OR_DATES_SET = "Gateway_ClosedOrDatesSet";
		public static final String SCHEDULE_SEASON = "ServiceTask_ScheduleSeason";
		public static final String GATEWAY_SEASON_SCHEDULED = "Gateway_SeasonScheduled";
		public static final String WAIT_FOR_SEASON_SCHEDULE = "ReceiveTask_WaitForSeasonSchedule";
		public static final String MESSAGE_SEASON_SCHEDULED = "Message_SeasonScheduled";
		public static final String EVALUATION_OPENS = "TimerEvent_EvaluationOpens";
		public static final String MARK_IN_EVALUATION = "ServiceTask_MarkPlanInEvaluation";
		public static final String OPEN_EVALUATION = "ServiceTask_OpenEvaluation";
		public static final String RESULT_REPORT_DEADLINE = "TimerEvent_ResultReportDeadline";
		public static final String MARK_OVERDUE_RESULT_REPORTS = "ServiceTask_MarkOverdueResultReports";
		public static final String END_RESULT_REPORTS_CLOSED = "EndEvent_ResultReportsClosed";

		private Ids() {
		}
	}

	/** Message names (correlation). */
	public static final class Messages {
		/**
		 * The plan's season dates were set after registration closed without them: correlated by
		 * {@code PlanService#updateRules} (business key = plan code), no variables.
		 */
		public static final String SEASON_SCHEDULED = "Msg_SeasonScheduled";

		private Messages() {
		}
	}

	private PlanIssuanceProcess() {
	}

}
