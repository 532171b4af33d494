package vn.dvk.recognition;

import java.time.Instant;

/** A council member who does not assess a model of their own unit. */
public record Recusal(String sessionKey, String registrationCode, String memberId, String unitCode,
		Instant recordedAt) {
}
