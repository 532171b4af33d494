package vn.dvk.registration;

/** A collective model (mô hình) or an individual exemplar (điển hình). */
public enum RegistrationKind {
	MODEL("Mô hình"),
	EXEMPLAR("Điển hình");

	private final String label;

	RegistrationKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
