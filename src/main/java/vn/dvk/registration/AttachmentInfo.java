package vn.dvk.registration;

import java.time.Instant;

/** An attachment's metadata (the content is fetched separately). */
public record AttachmentInfo(long id, String registrationCode, String fileName, String contentType, long sizeBytes,
		String sha256, String uploadedBy, Instant uploadedAt) {
}
