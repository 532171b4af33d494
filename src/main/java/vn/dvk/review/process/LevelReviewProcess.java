package vn.dvk.review.process;

/**
 * Names in {@code bpmn/LevelReviewProcess.bpmn}: one level's review of one registration,
 * called from ModelRegistrationProcess; and in {@code bpmn/ReviewRouteDecision.dmn}.
 */
public final class LevelReviewProcess {

	public static final String KEY = "LevelReviewProcess";

	public static final String ROUTE_DECISION_KEY = "ReviewRouteDecision";

	/** Process variables (the form variables are set by PrepareReviewDelegate). */
	public static final class Vars {
		public static final String REGISTRATION_CODE = "registrationCode";
		public static final String REGISTRATION_NAME = "registrationName";
		public static final String UNIT_CODE = "unitCode";
		public static final String UNIT_NAME = "unitName";
		public static final String REVIEW_UNIT_CODE = "reviewUnitCode";
		public static final String REVIEW_UNIT_NAME = "reviewUnitName";
		public static final String REVIEW_DAYS = "reviewDays";
		public static final String ESCALATION_DAYS = "escalationDays";
		/** java.util.Date: due date of the review task; the reviewers are reminded then. */
		public static final String REVIEW_DUE_DATE = "reviewDueDate";
		/** java.util.Date: the head of the reviewing unit is told then. */
		public static final String ESCALATION_DATE = "escalationDate";
		public static final String DECISION = "decision";
		public static final String COMMENT = "comment";
		/** Read-only form variables: what the reviewer must judge. */
		public static final String FIELD_NAME = "fieldName";
		public static final String KIND_NAME = "kindName";
		public static final String PLAN_TITLE = "planTitle";
		public static final String CONTINUING_TEXT = "continuingText";
		public static final String SITUATION = "situation";
		public static final String OBJECTIVES = "objectives";
		public static final String APPROACH = "approach";
		public static final String BENEFICIARIES = "beneficiaries";
		public static final String IMPLEMENTERS = "implementers";
		public static final String RESOURCES = "resources";
		public static final String TIMEFRAME = "timeframe";
		public static final String OUTPUTS = "outputs";
		public static final String SUSTAINABILITY = "sustainability";
		/** Markdown: attachments as download links. */
		public static final String ATTACHMENT_LINKS = "attachmentLinks";
		/** Markdown: the registration's status history so far (earlier levels, returns). */
		public static final String HISTORY_TEXT = "historyText";

		private Vars() {
		}
	}

	/** Element ids. */
	public static final class Ids {
		public static final String START_LEVEL_REVIEW_STARTED = "StartEvent_LevelReviewStarted";
		public static final String PREPARE_REVIEW = "ServiceTask_PrepareReview";
		public static final String REVIEW_REGISTRATION = "UserTask_ReviewRegistration";
		public static final String REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
		public static final String REMIND_REVIEWERS = "SendTask_RemindReviewers";
		public static final String END_REVIEWERS_REMINDED = "EndEvent_ReviewersReminded";
		public static final String REVIEW_ESCALATION_OVERDUE = "BoundaryEvent_ReviewEscalationOverdue";
		public static final String ESCALATE_TO_UNIT_HEAD = "SendTask_EscalateToUnitHead";
		public static final String END_REVIEW_ESCALATED = "EndEvent_ReviewEscalated";
		public static final String END_LEVEL_REVIEW_COMPLETED = "EndEvent_LevelReviewCompleted";

		private Ids() {
		}
	}

	private LevelReviewProcess() {
	}

}
