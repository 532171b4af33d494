package vn.dvk.recognition;

/** How many entries of the register a unit has in one field with one outcome (cumulative figures). */
public record RecognizedCount(String unitCode, String field, RecognitionOutcome outcome, long count) {
}
