package vn.dvk.organization;

/**
 * What kind of body a unit is.
 */
public enum UnitType {
	PROVINCE("Tỉnh"),
	DISTRICT("Huyện"),
	COMMUNE("Xã"),
	WARD("Phường"),
	DEPARTMENT("Sở, ban, ngành"),
	FATHERLAND_FRONT("Mặt trận Tổ quốc"),
	MASS_ORGANIZATION("Đoàn thể chính trị - xã hội"),
	ARMED_FORCES("Lực lượng vũ trang");

	private final String label;

	UnitType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
