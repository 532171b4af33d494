package vn.dvk.award;

import java.time.Instant;

/** One step of a nomination's history (never deleted, also after a revocation). */
public record NominationHistoryEntry(NominationStatus status, String action, String actor, String comment,
		Instant occurredAt) {
}
