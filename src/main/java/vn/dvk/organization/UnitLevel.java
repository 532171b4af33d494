package vn.dvk.organization;

/**
 * Administrative level of a unit. Since 1 July 2025 local government has two levels
 * (province, commune); records from before still name districts.
 */
public enum UnitLevel {
	PROVINCE("Cấp tỉnh"),
	DISTRICT("Cấp huyện"),
	COMMUNE("Cấp xã");

	private final String label;

	UnitLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
