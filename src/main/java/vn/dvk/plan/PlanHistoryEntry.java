package vn.dvk.plan;

import java.time.Instant;

/** One step of a plan's life: status, who, when, comment. */
public record PlanHistoryEntry(PlanStatus status, String actor, String comment, Instant occurredAt) {
}
