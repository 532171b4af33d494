package vn.dvk.award;

import java.util.List;

/** A nomination with its history (oldest first) and its documents. */
public record NominationDetails(Nomination nomination, List<NominationHistoryEntry> history,
		List<AwardDocumentInfo> documents) {
}
