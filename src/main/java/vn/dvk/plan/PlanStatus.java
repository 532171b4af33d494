package vn.dvk.plan;

/** Plan statuses of contract.md. */
public enum PlanStatus {
	DRAFT("Dự thảo"),
	IN_APPROVAL("Chờ phê duyệt"),
	RETURNED("Trả lại để chỉnh sửa"),
	REJECTED("Không phê duyệt"),
	REGISTRATION_OPEN("Đang nhận đăng ký"),
	REGISTRATION_CLOSED("Đã hết hạn đăng ký"),
	EVALUATION("Đang đánh giá"),
	CLOSED("Đã kết thúc");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
