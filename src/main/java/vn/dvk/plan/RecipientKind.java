package vn.dvk.plan;

/** Who an award type is for. */
public enum RecipientKind {
	COLLECTIVE("Tập thể"),
	INDIVIDUAL("Cá nhân"),
	BOTH("Tập thể và cá nhân");

	private final String label;

	RecipientKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
