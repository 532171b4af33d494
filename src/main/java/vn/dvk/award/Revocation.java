package vn.dvk.award;

import java.time.Instant;

/** Why, on what legal basis, by whom and when an award was revoked. */
public record Revocation(String reason, String legalBasis, String revokedBy, Instant revokedAt) {
}
