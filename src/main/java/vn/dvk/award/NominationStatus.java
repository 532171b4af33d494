package vn.dvk.award;

/** Statuses of an award nomination (contract.md), with their Vietnamese names. */
public enum NominationStatus {
	PROPOSED("Đã đề nghị"),
	IN_APPROVAL("Đang chờ phê duyệt"),
	AWAITING_AUTHORITY("Chờ quyết định của cấp có thẩm quyền"),
	AWARDED("Đã khen thưởng"),
	DECLINED("Không khen thưởng"),
	REVOKED("Đã thu hồi");

	private final String label;

	NominationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Counts against the quota and blocks a second award of the same achievement. */
	public boolean holdsASlot() {
		return this != DECLINED && this != REVOKED;
	}
}
