package vn.dvk.registration;

/** Registration statuses of contract.md. */
public enum RegistrationStatus {
	DRAFT("Bản nháp"),
	SUBMITTED("Đã gửi"),
	IN_REVIEW("Đang thẩm định"),
	RETURNED("Bị trả lại"),
	REJECTED("Không tiếp nhận"),
	ACCEPTED("Đã tiếp nhận"),
	REPORTED("Đã báo cáo kết quả"),
	RECOGNIZED("Được công nhận"),
	RECOGNIZED_TYPICAL("Được công nhận tiêu biểu"),
	NOT_RECOGNIZED("Không được công nhận");

	private final String label;

	RegistrationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
