package vn.dvk.award;

import java.util.Optional;

/** The type of a scanned decision, read from its first bytes (the file name is not trusted). */
final class ScannedFileTypes {

	private ScannedFileTypes() {
	}

	static Optional<String> sniff(byte[] content) {
		if (startsWith(content, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, int... prefix) {
		if (content == null || content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((content[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
