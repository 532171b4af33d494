package vn.dvk.recognition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

import vn.dvk.plan.Criterion;

/**
 * Turns the council's assessments of one model into the inputs of RecognitionDecision. For each
 * criterion, the share of assessing members who found it met; the score is their average (0-100),
 * weighted by the criteria's weights when the plan scores (a criterion without a weight then counts
 * 0). A required criterion counts as met only when more than half of the members found it met.
 */
final class RecognitionScoring {

	private RecognitionScoring() {
	}

	static ItemScore score(String registrationCode, List<Criterion> criteria, List<Assessment> assessments) {
		if (assessments.isEmpty() || criteria.isEmpty()) {
			return new ItemScore(registrationCode, 0, assessments.isEmpty() ? false : true, assessments.size());
		}
		boolean scored = criteria.stream().anyMatch(c -> c.weight() != null && c.weight() > 0);
		double weighted = 0;
		double totalWeight = 0;
		boolean requiredMet = true;
		for (Criterion criterion : criteria) {
			long met = assessments.stream()
				.filter(a -> a.criteria()
					.stream()
					.anyMatch(m -> m.code().equals(criterion.code()) && Boolean.TRUE.equals(m.met())))
				.count();
			double share = (double) met / assessments.size();
			double weight = scored ? Objects.requireNonNullElse(criterion.weight(), 0) : 1;
			weighted += weight * share;
			totalWeight += weight;
			if (criterion.required() && met * 2 <= assessments.size()) {
				requiredMet = false;
			}
		}
		double score = BigDecimal.valueOf(100 * weighted / totalWeight).setScale(2, RoundingMode.HALF_UP).doubleValue();
		return new ItemScore(registrationCode, score, requiredMet, assessments.size());
	}

}
