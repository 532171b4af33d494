package vn.dvk.recognition;

/**
 * One model on a session's list, with the council's proposal and the final outcome once decided.
 *
 * @param score           0-100 from the assessments, null before the proposal
 * @param requiredMet     every required criterion met by a majority, null before the proposal
 * @param proposedOutcome RECOGNIZE, RECOGNIZE_TYPICAL or NOT_RECOGNIZE (contract.md), null before
 * @param finalOutcome    the decided outcome, null before the decision
 */
public record SessionItem(String sessionKey, String registrationCode, int position, String name, String unitCode,
		String field, String kind, Double score, Boolean requiredMet, String proposedOutcome,
		RecognitionOutcome finalOutcome) {
}
