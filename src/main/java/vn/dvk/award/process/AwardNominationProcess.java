package vn.dvk.award.process;

/**
 * Names in {@code bpmn/AwardNominationProcess.bpmn} and {@code bpmn/AwardRouteDecision.dmn}: one
 * instance per nomination, business key = nomination code ({@code KT-<year>-<nnnn>}).
 */
public final class AwardNominationProcess {

	public static final String KEY = "AwardNominationProcess";

	public static final String ROUTE_DECISION = "AwardRouteDecision";

	/** Default cycle of the reminder while an outside decision is awaited (ISO 8601 repeating interval). */
	public static final String DEFAULT_REMINDER_CYCLE = "R/P14D";

	/** Process variables. */
	public static final class Vars {
		public static final String NOMINATION_CODE = "nominationCode";
		public static final String PLAN_CODE = "planCode";
		public static final String AWARD_TYPE = "awardType";
		public static final String AWARD_NAME = "awardName";
		public static final String AWARD_AUTHORITY = "awardAuthority";
		/** Boolean: the award is decided outside the board (input of AwardRouteDecision). */
		public static final String EXTERNAL = "external";
		/** COLLECTIVE or INDIVIDUAL. */
		public static final String RECIPIENT_KIND = "recipientKind";
		public static final String RECIPIENT_KIND_NAME = "recipientKindName";
		/** The model's name (collective) or the person's full name (individual). */
		public static final String RECIPIENT_NAME = "recipientName";
		public static final String RECIPIENT_POSITION = "recipientPosition";
		public static final String RECIPIENT_UNIT_CODE = "recipientUnitCode";
		public static final String RECIPIENT_UNIT_NAME = "recipientUnitName";
		public static final String REGISTRATION_CODE = "registrationCode";
		public static final String ACHIEVEMENT = "achievement";
		public static final String NOMINATED_BY = "nominatedBy";
		/** Output of AwardRouteDecision: INTERNAL or EXTERNAL. */
		public static final String ROUTE = "route";
		/** Approval of an internal award (contract.md): APPROVE, RETURN, REJECT. */
		public static final String DECISION = "decision";
		public static final String COMMENT = "comment";
		/** The clerk's record of an outside decision: AWARDED or DECLINED. */
		public static final String AUTHORITY_OUTCOME = "authorityOutcome";
		public static final String DECISION_NUMBER = "decisionNumber";
		/** ISO date (yyyy-MM-dd) String, as a date field of a Camunda form gives it. */
		public static final String DECISION_DATE = "decisionDate";
		/** dd/MM/yyyy, for emails. */
		public static final String DECISION_DATE_TEXT = "decisionDateText";
		public static final String DECISION_AUTHORITY = "decisionAuthority";
		/** ISO 8601 repeating interval of the reminder timer, e.g. {@code R/P14D}. */
		public static final String REMINDER_CYCLE = "authorityReminderCycle";
		/** Local inputs of {@code updateNominationStatusDelegate}: NominationStatus name and history action. */
		public static final String STATUS = "status";
		public static final String ACTION = "action";

		private Vars() {
		}
	}

	/** Element ids. */
	public static final class Ids {
		public static final String START_NOMINATED = "StartEvent_AwardNominated";
		public static final String DETERMINE_ROUTE = "BusinessRuleTask_DetermineAwardRoute";
		public static final String GATEWAY_ROUTE = "Gateway_AwardRoute";
		public static final String GATEWAY_JOIN_APPROVAL = "Gateway_JoinApproval";
		public static final String MARK_IN_APPROVAL = "ServiceTask_MarkInApproval";
		public static final String APPROVE_AWARD = "UserTask_ApproveAward";
		public static final String GATEWAY_APPROVAL_DECISION = "Gateway_ApprovalDecision";
		public static final String MARK_RETURNED = "ServiceTask_MarkNominationReturned";
		public static final String REVISE_NOMINATION = "UserTask_ReviseNomination";
		public static final String RECORD_APPROVAL = "ServiceTask_RecordApproval";
		public static final String PREPARE_DOSSIER = "ServiceTask_PrepareDossier";
		public static final String RECORD_AUTHORITY_DECISION = "UserTask_RecordAuthorityDecision";
		public static final String AUTHORITY_DECISION_OVERDUE = "BoundaryEvent_AuthorityDecisionOverdue";
		public static final String REMIND_AUTHORITY_DECISION = "SendTask_RemindAuthorityDecision";
		public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
		public static final String SAVE_AUTHORITY_DECISION = "ServiceTask_SaveAuthorityDecision";
		public static final String GATEWAY_AUTHORITY_OUTCOME = "Gateway_AuthorityOutcome";
		public static final String GATEWAY_JOIN_GRANTED = "Gateway_JoinGranted";
		public static final String ISSUE_CERTIFICATES = "ServiceTask_IssueCertificates";
		public static final String MARK_AWARDED = "ServiceTask_MarkAwarded";
		public static final String NOTIFY_GRANTED = "SendTask_NotifyAwardGranted";
		public static final String END_GRANTED = "EndEvent_AwardGranted";
		public static final String GATEWAY_JOIN_DECLINED = "Gateway_JoinDeclined";
		public static final String MARK_DECLINED = "ServiceTask_MarkDeclined";
		public static final String NOTIFY_DECLINED = "SendTask_NotifyAwardDeclined";
		public static final String END_DECLINED = "EndEvent_AwardDeclined";

		private Ids() {
		}
	}

	/** Mail templates. */
	public static final class Mails {
		public static final String GRANTED = "award-granted";
		public static final String DECLINED = "award-declined";
		public static final String REMINDER = "award-authority-reminder";

		private Mails() {
		}
	}

	private AwardNominationProcess() {
	}

}
