package vn.dvk.registration;

/**
 * What a unit head sends to register or revise a model. {@code unitCode} may be null when the
 * caller heads exactly one unit; {@code submit} null means true; {@code kind} is a
 * {@link RegistrationKind} name (kept a string so a wrong value becomes a field error).
 * On revision {@code planCode} and {@code unitCode} are ignored; {@code continuing} null keeps the
 * registration's new/continuing choice and its earlier registration, true or false changes them.
 */
public record RegistrationRequest(String planCode, String unitCode, String kind, String field, Boolean continuing,
		String previousRegistrationCode, Boolean submit, RegistrationItems items) {

	public boolean submitting() {
		return submit == null || submit;
	}

	public boolean isContinuing() {
		return continuing != null && continuing;
	}

}
