package vn.dvk.registration;

import java.util.List;

/**
 * A unit's result report as submitted (not yet validated).
 *
 * @param results        results against the registration's goals (required)
 * @param outputs        outputs produced (required)
 * @param selfEvaluation one entry for every criterion of the plan's rules
 * @param attachmentIds  evidence files, attachments of the same registration
 */
public record ResultReportRequest(String results, String outputs, List<SelfEvaluation> selfEvaluation,
		List<Long> attachmentIds) {
}
