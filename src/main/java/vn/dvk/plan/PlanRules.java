package vn.dvk.plan;

import java.util.List;

/**
 * A plan's rules for implementation, recognition and awards (data, not code).
 *
 * @param criteria            the recognition checklist (with optional weights)
 * @param recognitionOutcomes outcomes in use: RECOGNIZED, RECOGNIZED_TYPICAL, NOT_RECOGNIZED
 * @param recognizeMinScore   input of RecognitionDecision: least score (0-100) to be recognised
 * @param typicalMinScore     input of RecognitionDecision: least score (0-100) to be typical
 * @param awards              the award catalogue of the season
 * @param season              the season's dates
 */
public record PlanRules(List<Criterion> criteria, List<String> recognitionOutcomes, int recognizeMinScore,
		int typicalMinScore, List<AwardType> awards, SeasonDates season) {

	public static final String RECOGNIZED = "RECOGNIZED";

	public static final String RECOGNIZED_TYPICAL = "RECOGNIZED_TYPICAL";

	public static final String NOT_RECOGNIZED = "NOT_RECOGNIZED";

	/** Every outcome the system knows (contract.md). */
	public static final List<String> OUTCOMES = List.of(RECOGNIZED, RECOGNIZED_TYPICAL, NOT_RECOGNIZED);

	public static final int DEFAULT_RECOGNIZE_MIN_SCORE = 50;

	public static final int DEFAULT_TYPICAL_MIN_SCORE = 85;

	public boolean scored() {
		return criteria.stream().anyMatch(c -> c.weight() != null);
	}

	/** The criterion of that code, if the plan has it. */
	public java.util.Optional<Criterion> criterion(String code) {
		return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/** The award type of that code, if the catalogue has it. */
	public java.util.Optional<AwardType> award(String code) {
		return awards.stream().filter(a -> a.code().equals(code)).findFirst();
	}

	/** The rules of a plan whose drafter has not set any: the usual checklist and catalogue, no dates. */
	public static PlanRules defaults() {
		return new PlanRules(defaultCriteria(), OUTCOMES, DEFAULT_RECOGNIZE_MIN_SCORE, DEFAULT_TYPICAL_MIN_SCORE,
				defaultAwards(), SeasonDates.unset());
	}

	/** The checklist most provinces use (met / not met, no weights). */
	public static List<Criterion> defaultCriteria() {
		return List.of(new Criterion("TC1", "Có kế hoạch triển khai cụ thể, phân công rõ ràng", true, null),
				new Criterion("TC2", "Đạt mục tiêu đề ra", true, null),
				new Criterion("TC3", "Được nhân dân đồng tình, hưởng ứng", true, null),
				new Criterion("TC4", "Có khả năng duy trì, nhân rộng", false, null),
				new Criterion("TC5", "Có sản phẩm, minh chứng cụ thể", false, null));
	}

	/** The board's certificate, the Provincial People's Committee's, and the central medal. */
	public static List<AwardType> defaultAwards() {
		return List.of(
				new AwardType("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy",
						"Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy", false, RecipientKind.BOTH, 20),
				new AwardType("BANG_KHEN_UBND", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh",
						true, RecipientKind.BOTH, 5),
				new AwardType("KY_NIEM_CHUONG", "Kỷ niệm chương “Vì sự nghiệp dân vận”",
						"Ban Tuyên giáo và Dân vận Trung ương", true, RecipientKind.INDIVIDUAL, 3));
	}

}
