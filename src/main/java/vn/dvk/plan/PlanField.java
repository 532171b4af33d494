package vn.dvk.plan;

/**
 * A field (lĩnh vực) of a plan, e.g. {@code KINH_TE} / "Kinh tế". Fields are the plan's data.
 */
public record PlanField(String code, String name) {
}
