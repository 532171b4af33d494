package vn.dvk.recognition;

import java.time.Instant;

/**
 * One entry of the register of recognised models (recognised in the system or imported).
 *
 * @param id               database id (0 before it is stored)
 * @param name             the model's name
 * @param unitCode         the unit (a code of the unit tree)
 * @param field            field code (KINH_TE ...)
 * @param year             year of recognition
 * @param outcome          RECOGNIZED or RECOGNIZED_TYPICAL
 * @param registrationCode the registration, or null for an imported model
 * @param decisionNumber   the recognition decision's number ("12/QĐ-BTGDV"), if known
 * @param source           SYSTEM or IMPORT
 */
public record RecognizedModel(long id, String name, String unitCode, String field, int year,
		RecognitionOutcome outcome, String registrationCode, String decisionNumber, String source,
		Instant recordedAt) {
}
