package vn.dvk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The registering units of the seeded province (from {@code GET /api/units}) with the reviewers
 * of each level a registration of theirs passes, bottom-up (a plan reviewed at every level: the
 * legacy district first for its communes, then the province).
 */
record SeasonUnits(List<Unit> units) {

	/**
	 * @param reviewers the reviewer users of each level, bottom-up
	 * @param reviewUnits the codes of the reviewing units, bottom-up
	 */
	record Unit(String code, String name, String head, String level, String parentLevel, List<String> reviewers,
			List<String> reviewUnits) {
	}

	static SeasonUnits from(JsonNode roots) {
		List<Unit> units = new ArrayList<>();
		for (JsonNode root : roots) {
			walk(root, new ArrayList<>(), units);
		}
		if (units.isEmpty()) {
			throw new IllegalStateException("no registering unit in " + roots);
		}
		return new SeasonUnits(List.copyOf(units));
	}

	private static void walk(JsonNode unit, List<JsonNode> ancestors, List<Unit> out) {
		if (unit.path("registering").asBoolean()) {
			List<String> reviewUnits = new ArrayList<>();
			for (int i = ancestors.size() - 1; i >= 0; i--) {
				JsonNode a = ancestors.get(i);
				if (i == 0 || "DISTRICT".equals(a.path("level").asText())) {
					reviewUnits.add(a.path("code").asText());
				}
			}
			JsonNode parent = ancestors.get(ancestors.size() - 1);
			out.add(new Unit(unit.path("code").asText(), unit.path("name").asText(), "head-" + unit.path("code").asText(),
					unit.path("level").asText(), parent.path("level").asText(),
					reviewUnits.stream().map(c -> "reviewer-" + c).toList(), List.copyOf(reviewUnits)));
		}
		List<JsonNode> path = new ArrayList<>(ancestors);
		path.add(unit);
		unit.path("children").forEach(child -> walk(child, path, out));
	}

	Unit unit(int index) {
		return units.get(index % units.size());
	}

	/** Every reviewer user, lowest levels first. */
	List<String> reviewers() {
		Map<String, Integer> depth = new LinkedHashMap<>();
		for (Unit u : units) {
			for (int i = 0; i < u.reviewers().size(); i++) {
				depth.merge(u.reviewers().get(i), u.reviewers().size() - i, Math::max);
			}
		}
		return depth.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).map(Map.Entry::getKey).toList();
	}

	/** The body of POST /api/registrations: a model with every one of the ten items written out. */
	static Map<String, Object> registrationBody(String planCode, String name, int index) {
		String[] fields = { "KINH_TE", "VAN_HOA_XA_HOI", "QUOC_PHONG_AN_NINH", "XAY_DUNG_HE_THONG_CHINH_TRI" };
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", index % 5 == 4 ? "EXEMPLAR" : "MODEL");
		body.put("field", fields[index % fields.length]);
		body.put("name", name);
		body.put("situation", paragraph("Thực trạng: trên địa bàn còn nhiều khó khăn trong vận động nhân dân tham gia "
				+ "giữ gìn vệ sinh môi trường, trật tự an toàn xã hội và phát triển kinh tế hộ gia đình.", index));
		body.put("objectives", paragraph("Mục tiêu: 100% hộ gia đình ký cam kết, giảm 50% rác thải nhựa, "
				+ "tăng thu nhập bình quân của hộ tham gia thêm 10% so với năm trước.", index));
		body.put("approach", paragraph("Cách làm: cấp ủy lãnh đạo, chính quyền phối hợp, Mặt trận và các đoàn thể "
				+ "vận động, cán bộ làm mẫu, tổ tự quản theo dõi hằng tháng.", index));
		body.put("beneficiaries", paragraph("Địa bàn: các thôn, tổ dân phố; đối tượng: hộ gia đình, hội viên.", index));
		body.put("implementers", paragraph("Lực lượng: cấp ủy, chính quyền, Mặt trận, Hội Phụ nữ, Đoàn Thanh niên, "
				+ "Hội Nông dân, Hội Cựu chiến binh.", index));
		body.put("resources", paragraph("Nguồn lực: ngân sách địa phương, xã hội hóa, đóng góp của nhân dân.", index));
		body.put("timeframe", paragraph("Thời gian: từ tháng 3 đến hết tháng 12, sơ kết sáu tháng.", index));
		body.put("outputs", paragraph("Sản phẩm: quy chế hoạt động, sổ theo dõi, báo cáo sơ kết, tổng kết.", index));
		body.put("sustainability", paragraph("Duy trì hằng năm, nhân rộng ra các thôn, tổ dân phố lân cận.", index));
		return body;
	}

	private static String paragraph(String sentence, int index) {
		return sentence + " " + sentence + " (Mô hình số " + index + ".)";
	}

}
