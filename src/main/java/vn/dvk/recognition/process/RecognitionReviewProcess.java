package vn.dvk.recognition.process;

/**
 * Names in {@code bpmn/RecognitionReviewProcess.bpmn} (one instance per council session, business
 * key = session key {@code <planCode>-PH<n>}) and in {@code bpmn/RecognitionDecision.dmn}.
 */
public final class RecognitionReviewProcess {

	public static final String KEY = "RecognitionReviewProcess";

	public static final String DECISION_KEY = "RecognitionDecision";

	/** Message each registration's ModelRegistrationProcess waits for (business key = registration code). */
	public static final String MSG_RECOGNITION_DECIDED = "Msg_RecognitionDecided";

	/** Variables. */
	public static final class Vars {
		public static final String SESSION_KEY = "sessionKey";
		public static final String PLAN_CODE = "planCode";
		public static final String PLAN_TITLE = "planTitle";
		public static final String PLAN_YEAR = "planYear";
		public static final String FIELD = "field";
		public static final String MODEL_COUNT = "modelCount";
		/** ArrayList of the session's registration codes (collection of SendTask_AnnounceOutcome). */
		public static final String REGISTRATION_CODES = "registrationCodes";
		/** Element variable of SendTask_AnnounceOutcome. */
		public static final String REGISTRATION_CODE = "registrationCode";
		/** ArrayList of the council members who assess at least one model (collection of UserTask_AssessModels). */
		public static final String COUNCIL_MEMBERS = "councilMembers";
		/** Element variable of UserTask_AssessModels (its assignee). */
		public static final String COUNCIL_MEMBER = "councilMember";
		/** HashMap member → number of models to assess; HashMap member → Markdown list of them. */
		public static final String ASSESS_COUNTS = "assessCounts";
		public static final String ASSESS_LISTS = "assessLists";
		/** Local variables of each assessment task (its name and form). */
		public static final String MODEL_LIST = "modelList";
		/** DMN inputs and output. */
		public static final String SCORE = "score";
		public static final String REQUIRED_MET = "requiredMet";
		public static final String RECOGNIZE_MIN_SCORE = "recognizeMinScore";
		public static final String TYPICAL_MIN_SCORE = "typicalMinScore";
		public static final String OUTCOME = "outcome";
		/** String, a JSON object registration code → RECOGNIZE / RECOGNIZE_TYPICAL / NOT_RECOGNIZE (contract.md). */
		public static final String OUTCOMES = "outcomes";
		/** The proposal as computed (String JSON, same shape), kept when the chair changes outcomes. */
		public static final String PROPOSED_OUTCOMES = "proposedOutcomes";
		/** Markdown: the proposal with scores, for the chair's form. */
		public static final String PROPOSAL_TEXT = "proposalText";
		public static final String COMMENT = "comment";
		public static final String CONFIRMED_BY = "confirmedBy";
		public static final String DECISION_ID = "decisionId";
		public static final String DECISION_NUMBER = "decisionNumber";
		public static final String DECISION_DATE = "decisionDate";
		public static final String DECISION_URL = "decisionUrl";
		public static final String RECOGNIZED_COUNT = "recognizedCount";
		public static final String TYPICAL_COUNT = "typicalCount";
		/** Variables of Msg_RecognitionDecided. */
		public static final String RECOGNITION_OUTCOME = "recognitionOutcome";

		private Vars() {
		}
	}

	/** Element ids. */
	public static final class Ids {
		public static final String START_SESSION_OPENED = "StartEvent_SessionOpened";
		public static final String RECORD_RECUSALS = "ServiceTask_RecordRecusals";
		public static final String ASSESS_MODELS = "UserTask_AssessModels";
		public static final String DETERMINE_OUTCOMES = "BusinessRuleTask_DetermineOutcomes";
		public static final String CONFIRM_OUTCOMES = "UserTask_ConfirmOutcomes";
		public static final String ISSUE_DECISION = "ServiceTask_IssueDecision";
		public static final String ANNOUNCE_OUTCOME = "SendTask_AnnounceOutcome";
		public static final String NOTIFY_DECISION_ISSUED = "SendTask_NotifyDecisionIssued";
		public static final String END_DECISION_ISSUED = "EndEvent_DecisionIssued";

		private Ids() {
		}
	}

	/** Form ids. */
	public static final class Forms {
		public static final String ASSESS_MODELS = "Form_AssessModels";
		public static final String CONFIRM_OUTCOMES = "Form_ConfirmOutcomes";

		private Forms() {
		}
	}

	private RecognitionReviewProcess() {
	}

}
