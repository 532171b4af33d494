package vn.dvk.registration;

/**
 * How many registrations of one plan and field were sent (every status but DRAFT: a draft is
 * the unit's own business and never counted in public figures).
 */
public record SentCount(String planCode, String field, long count) {
}
