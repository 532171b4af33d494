package vn.dvk.registration.process;

/**
 * Names in {@code bpmn/ModelRegistrationProcess.bpmn}: one instance per registration,
 * business key = registration code.
 */
public final class ModelRegistrationProcess {

	public static final String KEY = "ModelRegistrationProcess";

	/** Process variables. */
	public static final class Vars {
		public static final String REGISTRATION_CODE = "registrationCode";
		public static final String REGISTRATION_NAME = "registrationName";
		public static final String PLAN_CODE = "planCode";
		public static final String UNIT_CODE = "unitCode";
		public static final String UNIT_NAME = "unitName";
		/** Inputs of ReviewRouteDecision. */
		public static final String UNIT_LEVEL = "unitLevel";
		public static final String PARENT_LEVEL = "parentLevel";
		public static final String REVIEW_MODE = "reviewMode";
		/** Output of ReviewRouteDecision: list of levels (PROVINCE, DISTRICT), bottom-up. */
		public static final String REVIEW_LEVELS = "reviewLevels";
		/** List of unit codes whose committees review, bottom-up (multi-instance collection). */
		public static final String REVIEW_UNIT_CODES = "reviewUnitCodes";
		/** Element variable of the multi-instance review. */
		public static final String REVIEW_UNIT_CODE = "reviewUnitCode";
		public static final String REVIEW_DAYS = "reviewDays";
		public static final String ESCALATION_DAYS = "escalationDays";
		public static final String DECISION = "decision";
		public static final String COMMENT = "comment";

		private Vars() {
		}
	}

	/** Element ids. */
	public static final class Ids {
		public static final String START_REGISTRATION_SUBMITTED = "StartEvent_RegistrationSubmitted";
		public static final String CONFIRM_RECEIPT = "SendTask_ConfirmReceipt";
		public static final String DETERMINE_REVIEW_ROUTE = "BusinessRuleTask_DetermineReviewRoute";
		public static final String RESOLVE_REVIEW_UNITS = "ServiceTask_ResolveReviewUnits";
		public static final String MARK_IN_REVIEW = "ServiceTask_MarkInReview";
		public static final String REVIEW_AT_EACH_LEVEL = "CallActivity_ReviewAtEachLevel";
		public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";
		public static final String MARK_ACCEPTED = "ServiceTask_MarkAccepted";
		public static final String NOTIFY_ACCEPTED = "SendTask_NotifyAccepted";
		public static final String END_ACCEPTED = "EndEvent_RegistrationAccepted";
		public static final String MARK_RETURNED = "ServiceTask_MarkReturned";
		public static final String NOTIFY_RETURNED = "SendTask_NotifyReturned";
		public static final String REVISE_REGISTRATION = "UserTask_ReviseRegistration";
		public static final String MARK_RESUBMITTED = "ServiceTask_MarkResubmitted";
		public static final String MARK_REJECTED = "ServiceTask_MarkRejected";
		public static final String NOTIFY_REJECTED = "SendTask_NotifyRejected";
		public static final String END_REJECTED = "EndEvent_RegistrationRejected";

		private Ids() {
		}
	}

	private ModelRegistrationProcess() {
	}

}
