package vn.dvk.recognition;

import java.time.Instant;
import java.util.List;

/** One council member's assessment of one model of a session: every criterion of the plan. */
public record Assessment(String sessionKey, String registrationCode, String memberId, List<CriterionMark> criteria,
		String comment, Instant assessedAt) {
}
