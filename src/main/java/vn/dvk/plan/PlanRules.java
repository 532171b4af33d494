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

	public boolean scored() {
		return criteria.stream().anyMatch(c -> c.weight() != null);
	}

}
