package vn.dvk.plan;

/**
 * The plan's rule for which levels above a unit review its registrations
 * (input of ReviewRouteDecision).
 */
public enum ReviewMode {
	/** Every level above the unit, bottom-up (district, then province). */
	EVERY_LEVEL("Thẩm định qua từng cấp"),
	/** Only the unit's direct parent. */
	DIRECT_PARENT("Chỉ cấp trên trực tiếp"),
	/** Only the province. */
	PROVINCE_ONLY("Chỉ cấp tỉnh");

	private final String label;

	ReviewMode(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
