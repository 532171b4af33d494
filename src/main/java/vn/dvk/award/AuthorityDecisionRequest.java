package vn.dvk.award;

import java.time.LocalDate;

/**
 * A clerk's record of an outside authority's decision.
 *
 * @param outcome AWARDED or DECLINED
 * @param file    the scanned decision (PDF or image), or null
 */
public record AuthorityDecisionRequest(String number, LocalDate date, String authority, String outcome,
		String fileName, byte[] file) {
}
