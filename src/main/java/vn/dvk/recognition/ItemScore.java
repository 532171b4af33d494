package vn.dvk.recognition;

/**
 * The council's view of one model, computed from the assessments: the inputs of RecognitionDecision.
 *
 * @param score       0-100: the share of assessing members who found each criterion met, averaged
 *                    (weighted by the criteria's weights when the plan scores)
 * @param requiredMet every required criterion was found met by more than half of the assessing members
 * @param assessments how many members assessed the model
 */
public record ItemScore(String registrationCode, double score, boolean requiredMet, int assessments) {
}
