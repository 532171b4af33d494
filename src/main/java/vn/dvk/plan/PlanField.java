package vn.dvk.plan;

import java.util.List;

/**
 * A field (lĩnh vực) of a plan, e.g. {@code KINH_TE} / "Kinh tế". Fields are the plan's data.
 */
public record PlanField(String code, String name) {

	/** The four fields every plan has unless its drafter lists others. */
	public static List<PlanField> standard() {
		return List.of(new PlanField("KINH_TE", "Kinh tế"), new PlanField("VAN_HOA_XA_HOI", "Văn hóa – xã hội"),
				new PlanField("QUOC_PHONG_AN_NINH", "Quốc phòng – an ninh"),
				new PlanField("XAY_DUNG_HE_THONG_CHINH_TRI", "Xây dựng hệ thống chính trị"));
	}

}
