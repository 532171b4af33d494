package vn.dvk.registration.process;

import org.springframework.modulith.NamedInterface;

/**
 * Names in {@code bpmn/ModelRegistrationProcess.bpmn}: one instance per registration,
 * business key = registration code. Other modules may use these names (named interface
 * {@code process}), e.g. to correlate {@link Messages#RECOGNITION_DECIDED}.
 */
@NamedInterface("process")
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
		/** java.util.Date, set by Msg_EvaluationOpened: the due date of UserTask_FileResultReport. */
		public static final String RESULT_REPORT_DEADLINE = "resultReportDeadline";
		/** java.util.Date, set by Msg_EvaluationOpened: the unit is reminded then (boundary timer). */
		public static final String RESULT_REPORT_REMINDER_AT = "resultReportReminderAt";
		/**
		 * Boolean, set by ServiceTask_CheckEvaluationOpened right after acceptance: the plan's
		 * evaluation has already opened (a late acceptance), so the result report is asked for at
		 * once, with the two dates above, instead of waiting for Msg_EvaluationOpened.
		 */
		public static final String EVALUATION_OPENED = "evaluationOpened";
		/**
		 * Set by Msg_RecognitionDecided: RECOGNIZED, RECOGNIZED_TYPICAL or NOT_RECOGNIZED.
		 */
		public static final String RECOGNITION_OUTCOME = "recognitionOutcome";
		/** Set by Msg_RecognitionDecided: the decision's number, e.g. "12/QĐ-BTGDV". */
		public static final String DECISION_NUMBER = "decisionNumber";
		/** Set by ServiceTask_RecordRecognition: the outcome in Vietnamese, for the email. */
		public static final String RECOGNITION_OUTCOME_NAME = "recognitionOutcomeName";

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
		public static final String CHECK_EVALUATION_OPENED = "ServiceTask_CheckEvaluationOpened";
		public static final String GATEWAY_EVALUATION_ALREADY_OPEN = "Gateway_EvaluationAlreadyOpen";
		public static final String WAIT_FOR_EVALUATION = "ReceiveTask_WaitForEvaluation";
		public static final String GATEWAY_EVALUATION_OPENED_OR_LATE = "Gateway_EvaluationOpenedOrLate";
		public static final String MESSAGE_EVALUATION_OPENED = "Message_EvaluationOpened";
		public static final String REQUEST_RESULT_REPORT = "SendTask_RequestResultReport";
		public static final String FILE_RESULT_REPORT = "UserTask_FileResultReport";
		public static final String RESULT_REPORT_REMINDER_DUE = "BoundaryEvent_ResultReportReminderDue";
		public static final String REMIND_RESULT_REPORT = "SendTask_RemindResultReport";
		public static final String END_RESULT_REPORT_REMINDED = "EndEvent_ResultReportReminded";
		public static final String MARK_REPORTED = "ServiceTask_MarkReported";
		public static final String WAIT_FOR_RECOGNITION = "ReceiveTask_WaitForRecognition";
		public static final String MESSAGE_RECOGNITION_DECIDED = "Message_RecognitionDecided";
		public static final String RECORD_RECOGNITION = "ServiceTask_RecordRecognition";
		public static final String NOTIFY_RECOGNITION_DECIDED = "SendTask_NotifyRecognitionDecided";
		public static final String END_RECOGNITION_DECIDED = "EndEvent_RecognitionDecided";
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

	/** Message names (correlate with processInstanceBusinessKey = registration code). */
	public static final class Messages {
		/**
		 * The plan's evaluation opened (correlated by PlanIssuanceProcess's openEvaluationDelegate to
		 * every ACCEPTED registration of the plan), with {@code resultReportDeadline} and
		 * {@code resultReportReminderAt} (java.util.Date).
		 */
		public static final String EVALUATION_OPENED = "Msg_EvaluationOpened";
		/**
		 * The council's recognition decision (correlated by RecognitionReviewProcess), with
		 * {@code recognitionOutcome} (RECOGNIZED, RECOGNIZED_TYPICAL, NOT_RECOGNIZED) and
		 * {@code decisionNumber} (String, e.g. "12/QĐ-BTGDV"). The registration must be REPORTED
		 * (waiting at ReceiveTask_WaitForRecognition).
		 */
		public static final String RECOGNITION_DECIDED = "Msg_RecognitionDecided";

		private Messages() {
		}
	}

	private ModelRegistrationProcess() {
	}

}
