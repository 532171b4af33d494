package vn.dvk.registration;

/**
 * A unit added a file to one of its registrations (published inside the adding transaction).
 *
 * @param registrationCode the registration
 * @param attachmentId     the new attachment
 */
public record RegistrationAttachmentAdded(String registrationCode, long attachmentId) {
}
