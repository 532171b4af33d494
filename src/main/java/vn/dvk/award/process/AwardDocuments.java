package vn.dvk.award.process;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.dvk.award.Nomination;

/**
 * The Thymeleaf models of the award documents ({@code templates/document/award-*.html}): the
 * dossier's cover memo and list of nominees, and the certificate.
 */
final class AwardDocuments {

	static final String COVER_MEMO = "award-cover-memo";

	static final String NOMINEE_LIST = "award-nominee-list";

	static final String CERTIFICATE = "award-certificate";

	static final String ISSUER = "Ban Tuyên giáo và Dân vận Tỉnh ủy";

	private static final Locale VI = Locale.forLanguageTag("vi");

	private AwardDocuments() {
	}

	/** "TỜ TRÌNH Về việc đề nghị …", addressed to the awarding authority, with the dossier's parts. */
	static Map<String, Object> coverMemo(Nomination n, String unitName, List<String> attachmentNames,
			LocalDate today) {
		Map<String, Object> model = common(n, unitName);
		model.put("issuer", ISSUER.toUpperCase(VI));
		model.put("subject", "Về việc đề nghị tặng " + n.awardName() + " cho " + recipientPhrase(n, unitName));
		model.put("dateLine", dateLine(today));
		model.put("attachments", attachmentNames);
		return model;
	}

	/** The list of nominees (one row per recipient). */
	static Map<String, Object> nomineeList(Nomination n, String unitName, LocalDate today) {
		Map<String, Object> model = common(n, unitName);
		model.put("issuer", ISSUER.toUpperCase(VI));
		model.put("dateLine", dateLine(today));
		model.put("rows", List.of(Map.of("no", 1, "name", displayName(n, unitName), "unit", unitName,
				"position", n.personPosition() == null ? "" : n.personPosition(), "achievement", n.achievement())));
		return model;
	}

	/** "GIẤY KHEN" / "BẰNG KHEN" / "KỶ NIỆM CHƯƠNG" page for one recipient. */
	static Map<String, Object> certificate(Nomination n, String unitName, String decisionNumber,
			String decisionDateText, String authority) {
		Map<String, Object> model = common(n, unitName);
		model.put("title", certificateTitle(n.awardName()));
		model.put("authority", authority.toUpperCase(VI));
		model.put("recipient", displayName(n, unitName));
		model.put("decisionNumber", decisionNumber == null ? "" : decisionNumber);
		model.put("decisionDateText", decisionDateText);
		return model;
	}

	static String certificateTitle(String awardName) {
		String name = awardName.toLowerCase(VI);
		for (String kind : List.of("bằng khen", "giấy khen", "kỷ niệm chương")) {
			if (name.startsWith(kind)) {
				return kind.toUpperCase(VI);
			}
		}
		return "GIẤY CHỨNG NHẬN";
	}

	/** The recipient as the documents name them. */
	static String displayName(Nomination n, String unitName) {
		if (n.collective()) {
			return "Tập thể " + unitName + " (mô hình “" + n.recipientName() + "”)";
		}
		return n.recipientName();
	}

	private static String recipientPhrase(Nomination n, String unitName) {
		if (n.collective()) {
			return "tập thể " + unitName + " với mô hình “" + n.recipientName() + "”";
		}
		return "cá nhân " + n.recipientName() + ", " + n.personPosition() + ", " + unitName;
	}

	private static Map<String, Object> common(Nomination n, String unitName) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("nominationCode", n.code());
		model.put("planCode", n.planCode());
		model.put("awardName", n.awardName());
		model.put("awardAuthority", n.awardAuthority());
		model.put("recipientKind", n.recipientKind().label());
		model.put("recipientName", n.recipientName());
		model.put("position", n.personPosition());
		model.put("unitName", unitName);
		model.put("achievement", n.achievement());
		return model;
	}

	private static String dateLine(LocalDate date) {
		return "Khánh Hòa, ngày %02d tháng %02d năm %d".formatted(date.getDayOfMonth(), date.getMonthValue(),
				date.getYear());
	}

}
