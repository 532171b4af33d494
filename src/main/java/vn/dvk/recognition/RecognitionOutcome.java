package vn.dvk.recognition;

/** Outcomes of a recognition (contract.md). */
public enum RecognitionOutcome {
	RECOGNIZED("Công nhận"),
	RECOGNIZED_TYPICAL("Công nhận tiêu biểu"),
	NOT_RECOGNIZED("Không công nhận");

	private final String label;

	RecognitionOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean recognized() {
		return this != NOT_RECOGNIZED;
	}
}
