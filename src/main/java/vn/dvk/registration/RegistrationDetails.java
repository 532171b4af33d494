package vn.dvk.registration;

import java.util.List;

/** One registration with its status history (oldest first) and its attachments. */
public record RegistrationDetails(Registration registration, List<HistoryEntry> history,
		List<AttachmentInfo> attachments) {
}
