package vn.dvk.recognition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The recognition decision of a session (its PDF is kept in the database).
 *
 * @param number in the official style, {@code <n>/QĐ-BTGDV}, n sequential per year
 */
public record RecognitionDecision(long id, String sessionKey, int year, int sequence, String number,
		LocalDate date, String signedBy, Instant createdAt) {

	public static final String NUMBER_SUFFIX = "/QĐ-BTGDV";

}
