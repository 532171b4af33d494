package vn.dvk.plan;

/**
 * An award on offer in a plan's season.
 *
 * @param code       short code (GIAY_KHEN_BAN, BANG_KHEN_UBND, KY_NIEM_CHUONG)
 * @param name       Vietnamese name (“Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy”)
 * @param authority  the awarding authority (“Chủ tịch UBND tỉnh”)
 * @param external   decided outside the board (a dossier is sent, the decision comes back)
 * @param recipients collectives, individuals or both
 * @param quota      how many may be awarded in this plan, or null for no limit
 */
public record AwardType(String code, String name, String authority, boolean external, RecipientKind recipients,
		Integer quota) {
}
