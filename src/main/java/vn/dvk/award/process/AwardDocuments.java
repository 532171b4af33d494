package vn.dvk.award.process;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.dvk.award.Nomination;
import vn.dvk.document.OfficialDates;

/**
 * The Thymeleaf models of the award documents ({@code templates/document/award-*.html}, on the
 * official layout of docs/documents.md): the dossier's cover memo and list of nominees, and the
 * certificate of one recipient.
 */
final class AwardDocuments {

	static final String COVER_MEMO = "award-cover-memo";

	static final String NOMINEE_LIST = "award-nominee-list";

	static final String CERTIFICATE = "award-certificate";

	static final String ISSUER = "Ban Tuyên giáo và Dân vận Tỉnh ủy";

	/** The memo's number, left for the board's office to fill in (official style). */
	static final String MEMO_NUMBER = "……/TTr-BTGDV";

	/** Longest achievement text printed on a certificate (one page). */
	static final int CERTIFICATE_ACHIEVEMENT_MAX = 200;

	static final List<String> LEGAL_BASES = List.of("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
			"Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
					+ "một số điều của Luật Thi đua, khen thưởng;");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Locale VI = Locale.forLanguageTag("vi");

	private AwardDocuments() {
	}

	/** Tờ trình addressed to the awarding authority, with the legal bases and the dossier's parts. */
	static Map<String, Object> coverMemo(Nomination n, String unitName, List<String> attachmentNames,
			LocalDate today) {
		Map<String, Object> model = common(n, unitName, today);
		String addressee = addressee(n.awardAuthority());
		model.put("documentNumber", MEMO_NUMBER);
		model.put("subject", "Về việc đề nghị tặng " + n.awardName() + " cho " + recipientPhrase(n, unitName));
		model.put("addressee", addressee);
		List<String> bases = new ArrayList<>(LEGAL_BASES);
		bases.add("Căn cứ Kế hoạch " + n.planCode() + " của " + ISSUER
				+ " về phong trào thi đua “Dân vận khéo” và kết quả bình xét của Hội đồng;");
		model.put("legalBases", bases);
		model.put("proposal", ISSUER + " kính trình " + addressee + " xem xét, tặng " + n.awardName() + " cho "
				+ recipientPhrase(n, unitName) + ", đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”.");
		model.put("listReference", "(Có danh sách đề nghị khen thưởng kèm theo, hồ sơ số " + n.code() + ".)");
		List<String> attachments = new ArrayList<>();
		attachments.add("Danh sách đề nghị khen thưởng;");
		attachmentNames.forEach(name -> attachments.add(name + ";"));
		model.put("attachments", attachments);
		model.put("closing", "Kính trình " + addressee + " xem xét, quyết định./.");
		model.put("recipients", List.of("Như trên;", "Lưu VP, hồ sơ " + n.code() + "."));
		return model;
	}

	/** The list of nominees (one row per recipient), attached to the cover memo. */
	static Map<String, Object> nomineeList(Nomination n, String unitName, LocalDate today) {
		Map<String, Object> model = common(n, unitName, today);
		model.put("documentNumber", MEMO_NUMBER);
		model.put("memoReference",
				"(Kèm theo Tờ trình số " + MEMO_NUMBER + " ngày " + DATE.format(today) + " của " + ISSUER + ")");
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", n.collective() ? "Tập thể " + unitName + " (mô hình “" + n.recipientName() + "”)"
				: n.recipientName());
		row.put("position", n.collective() ? "" : nullToEmpty(n.personPosition()));
		row.put("unit", unitName);
		row.put("achievement", n.achievement());
		model.put("rows", List.of(row));
		model.put("total", "Tổng số: 01 " + (n.collective() ? "tập thể" : "cá nhân") + ".");
		return model;
	}

	/** GIẤY KHEN, BẰNG KHEN or GIẤY CHỨNG NHẬN (a medal) for one recipient, dated the decision's day. */
	static Map<String, Object> certificate(Nomination n, String unitName, String decisionNumber,
			LocalDate decisionDate, String authority) {
		String awardedBy = authority == null || authority.isBlank() ? n.awardAuthority() : authority.strip();
		Map<String, Object> model = common(n, unitName, decisionDate);
		String title = certificateTitle(n.awardName());
		model.put("title", title);
		model.put("authorityHeading", authorityHeading(awardedBy));
		List<String> lines = new ArrayList<>();
		if (n.collective()) {
			model.put("recipient", "Tập thể " + unitName);
			lines.add("Mô hình “" + n.recipientName() + "”");
		}
		else {
			model.put("recipient", n.recipientName());
			lines.add(n.personPosition() == null || n.personPosition().isBlank() ? unitName
					: n.personPosition() + ", " + unitName);
		}
		if ("GIẤY CHỨNG NHẬN".equals(title)) {
			lines.add("Đã được tặng " + n.awardName());
		}
		model.put("recipientLines", lines);
		model.put("achievementLine", "Đã có thành tích xuất sắc trong phong trào thi đua “Dân vận khéo”: "
				+ shorten(n.achievement(), CERTIFICATE_ACHIEVEMENT_MAX));
		model.put("decisionLine", "Quyết định số " + (decisionNumber == null || decisionNumber.isBlank() ? "……"
				: decisionNumber.strip()));
		model.put("decisionDateLine", "ngày " + DATE.format(decisionDate));
		model.put("registryLine", "Số vào sổ: " + n.code());
		model.put("signerTitle", signerTitle(awardedBy));
		model.put("signerName", "");
		return model;
	}

	static String certificateTitle(String awardName) {
		String name = awardName.toLowerCase(VI);
		for (String kind : List.of("bằng khen", "giấy khen")) {
			if (name.startsWith(kind)) {
				return kind.toUpperCase(VI);
			}
		}
		return "GIẤY CHỨNG NHẬN";
	}

	/** Who awards, as the heading of a certificate: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA. */
	static String authorityHeading(String authority) {
		return withProvince(expand(authority)).toUpperCase(VI);
	}

	/** The signer's title: the office that heads the authority (CHỦ TỊCH, TRƯỞNG BAN). */
	static String signerTitle(String authority) {
		String lower = authority.toLowerCase(VI);
		if (lower.startsWith("chủ tịch")) {
			return "CHỦ TỊCH";
		}
		return "TRƯỞNG BAN";
	}

	/** The recipient as the documents name them. */
	static String displayName(Nomination n, String unitName) {
		if (n.collective()) {
			return "Tập thể " + unitName + " (mô hình “" + n.recipientName() + "”)";
		}
		return n.recipientName();
	}

	private static String addressee(String authority) {
		return withProvince(expand(authority));
	}

	private static String expand(String authority) {
		return authority.strip().replace("UBND", "Ủy ban nhân dân");
	}

	private static String withProvince(String authority) {
		String lower = authority.toLowerCase(VI);
		return lower.endsWith(" tỉnh") || lower.endsWith(" tỉnh ủy") ? authority + " " + OfficialDates.PLACE
				: authority;
	}

	private static String recipientPhrase(Nomination n, String unitName) {
		if (n.collective()) {
			return "tập thể " + unitName + " với mô hình “" + n.recipientName() + "”";
		}
		return "cá nhân " + n.recipientName()
				+ (n.personPosition() == null || n.personPosition().isBlank() ? "" : ", " + n.personPosition()) + ", "
				+ unitName;
	}

	static String shorten(String text, int max) {
		String value = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (value.length() <= max) {
			return value;
		}
		int cut = value.lastIndexOf(' ', max - 1);
		return value.substring(0, cut > max / 2 ? cut : max - 1).replaceAll("[\\s,;:.]+$", "") + "…";
	}

	private static Map<String, Object> common(Nomination n, String unitName, LocalDate documentDate) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("documentDate", documentDate);
		model.put("nominationCode", n.code());
		model.put("planCode", n.planCode());
		model.put("awardName", n.awardName());
		model.put("awardAuthority", n.awardAuthority());
		model.put("recipientName", n.recipientName());
		model.put("unitName", unitName);
		model.put("achievement", n.achievement());
		return model;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
