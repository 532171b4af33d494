package vn.dvk.recognition;

import java.time.Instant;

/**
 * One council session (bình xét) of a plan: business key of its RecognitionReviewProcess.
 *
 * @param key    {@code <planCode>-PH<n>}, e.g. {@code KH-2026-01-PH1}
 * @param field  the field the session is limited to, or null
 * @param status ASSESSING, CONFIRMING or DECIDED
 */
public record RecognitionSession(String key, String planCode, int sessionNo, String field, String status,
		String comment, String confirmedBy, String createdBy, Instant createdAt, Instant decidedAt) {

	public static final String ASSESSING = "ASSESSING";

	public static final String CONFIRMING = "CONFIRMING";

	public static final String DECIDED = "DECIDED";

}
