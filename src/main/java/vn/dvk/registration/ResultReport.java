package vn.dvk.registration;

import java.time.Instant;
import java.util.List;

/**
 * A unit's year-end result report on an accepted registration.
 *
 * @param results        results against the registration's goals
 * @param outputs        outputs produced
 * @param selfEvaluation one entry per criterion of the plan
 * @param attachmentIds  evidence files (attachments of the registration)
 */
public record ResultReport(String registrationCode, String results, String outputs,
		List<SelfEvaluation> selfEvaluation, List<Long> attachmentIds, String filedBy, Instant filedAt) {
}
