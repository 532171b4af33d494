package vn.dvk.registration;

/**
 * Result of {@code create}: the registration, and whether it already existed because the same
 * Idempotency-Key was sent before by the same user (nothing was created then).
 */
public record CreatedRegistration(Registration registration, boolean replayed) {
}
