package vn.dvk.recognition;

import java.time.LocalDate;

/**
 * The council's final outcome on one model of a unit, with the recognition decision that
 * announced it (for the unit head's portal).
 *
 * @param decisionId     id of the decision (its PDF: {@code /recognition-decisions/{id}/pdf})
 * @param decisionNumber {@code <n>/QĐ-BTGDV}
 */
public record UnitRecognition(String registrationCode, String name, String unitCode, String planCode, String field,
		RecognitionOutcome outcome, long decisionId, String decisionNumber, LocalDate decisionDate) {
}
