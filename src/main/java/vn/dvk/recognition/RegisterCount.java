package vn.dvk.recognition;

/**
 * Entries of the register grouped by one key (a year, a field code or a unit code).
 *
 * @param key        the year (as text), field code or unit code
 * @param recognized every entry (RECOGNIZED and RECOGNIZED_TYPICAL)
 * @param typical    of which RECOGNIZED_TYPICAL
 */
public record RegisterCount(String key, long recognized, long typical) {
}
