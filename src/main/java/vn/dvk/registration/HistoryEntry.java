package vn.dvk.registration;

import java.time.Instant;

/**
 * One step of a registration's life: who did what, when, at which review level, with what comment.
 */
public record HistoryEntry(RegistrationStatus status, String action, String reviewUnitCode, String actor,
		String comment, Instant occurredAt) {
}
