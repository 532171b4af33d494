package vn.dvk.recognition.process;

import vn.dvk.recognition.RecognitionOutcome;

/** Tells a registration's ModelRegistrationProcess its outcome ({@code Msg_RecognitionDecided}). */
interface RecognitionAnnouncer {

	void recognitionDecided(String registrationCode, RecognitionOutcome outcome, String decisionNumber);

}
