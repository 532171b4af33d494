package vn.dvk.registration;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Registrations: public API of the registration module. Methods taking a {@code CurrentUser}
 * check access; the others are for the processes and other modules.
 */
@Service
public class RegistrationService {

	/** For processes and other modules: no access check. */
	public Optional<Registration> find(String code) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Called by the processes: sets the status and appends a history entry.
	 *
	 * @param action         what happened (SUBMITTED, IN_REVIEW, APPROVED, RETURNED, REJECTED, ACCEPTED, RESUBMITTED ...)
	 * @param reviewUnitCode the reviewing unit when a review level acted, else null
	 * @param actor          user id, or null for the system
	 */
	public void changeStatus(String code, RegistrationStatus status, String action, String reviewUnitCode,
			String actor, String comment) {
		throw new UnsupportedOperationException("TODO");
	}

	/** Appends a history entry without changing the status (e.g. one level approved, the next reviews). */
	public void recordHistory(String code, String action, String reviewUnitCode, String actor, String comment) {
		throw new UnsupportedOperationException("TODO");
	}

	public List<HistoryEntry> history(String code) {
		throw new UnsupportedOperationException("TODO");
	}

	public List<AttachmentInfo> attachments(String code) {
		throw new UnsupportedOperationException("TODO");
	}

	/** Units that have at least one registration (any status but DRAFT) under the plan. */
	public Set<String> registeredUnitCodes(String planCode) {
		throw new UnsupportedOperationException("TODO");
	}

}
