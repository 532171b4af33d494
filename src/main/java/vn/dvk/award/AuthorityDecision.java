package vn.dvk.award;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The awarding authority's decision on a nomination (for an internal award: the approval).
 *
 * @param number    the decision's number in the official style ("125/QĐ-UBND")
 * @param fileName  the scanned decision, or null when none was uploaded
 */
public record AuthorityDecision(String number, LocalDate date, String authority, String fileName, String fileType,
		String decidedBy, Instant decidedAt) {

	public boolean hasFile() {
		return fileName != null;
	}

}
