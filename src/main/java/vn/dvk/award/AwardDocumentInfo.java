package vn.dvk.award;

import java.time.Instant;

/**
 * A stored PDF of a nomination: a dossier part ({@code to-trinh}, {@code danh-sach}) or the
 * certificate ({@code chung-nhan}).
 */
public record AwardDocumentInfo(String nominationCode, String name, String title, long sizeBytes,
		Instant createdAt) {
}
