package vn.dvk.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * Checks a plan's rules and fills in the defaults (an empty or missing list means the default
 * checklist, outcomes or catalogue). Every problem is reported at once, keyed by the JSON path
 * of the field ({@code criteria[1].weight}, {@code season.councilSessionAt}).
 */
@Component
class PlanRulesValidator {

	static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

	static final int MAX_TEXT = 500;

	static final int MIN_WEIGHT = 1;

	static final int MAX_WEIGHT = 100;

	PlanRules validate(PlanRules given, Plan plan) {
		List<FieldProblem> problems = new ArrayList<>();
		List<Criterion> criteria = criteria(given.criteria(), problems);
		List<String> outcomes = outcomes(given.recognitionOutcomes(), problems);
		int recognize = given.recognizeMinScore();
		int typical = given.typicalMinScore();
		if (recognize < 0 || recognize > 100) {
			problems.add(new FieldProblem("recognizeMinScore", "plan.rules.score.range"));
		}
		if (typical < 0 || typical > 100) {
			problems.add(new FieldProblem("typicalMinScore", "plan.rules.score.range"));
		}
		else if (typical < recognize) {
			problems.add(new FieldProblem("typicalMinScore", "plan.rules.typicalMinScore.belowRecognize",
					Integer.toString(recognize)));
		}
		List<AwardType> awards = awards(given.awards(), problems);
		SeasonDates season = given.season() == null ? SeasonDates.unset() : given.season();
		season(season, plan, problems);
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		return new PlanRules(criteria, outcomes, recognize, typical, awards, season);
	}

	private static List<Criterion> criteria(List<Criterion> given, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return PlanRules.defaultCriteria();
		}
		List<Criterion> criteria = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		long weighted = given.stream().filter(c -> c != null && c.weight() != null).count();
		for (int i = 0; i < given.size(); i++) {
			Criterion c = given.get(i) == null ? new Criterion(null, null, false, null) : given.get(i);
			String at = "criteria[" + i + "]";
			String code = code(c.code(), at + ".code", codes, "plan.rules.criteria.code.duplicate", problems);
			String text = trimToNull(c.text());
			if (text == null) {
				problems.add(new FieldProblem(at + ".text", "plan.rules.text.required"));
			}
			else if (text.length() > MAX_TEXT) {
				problems.add(new FieldProblem(at + ".text", "plan.rules.text.tooLong", Integer.toString(MAX_TEXT)));
			}
			if (c.weight() != null && (c.weight() < MIN_WEIGHT || c.weight() > MAX_WEIGHT)) {
				problems.add(new FieldProblem(at + ".weight", "plan.rules.criteria.weight.range",
						Integer.toString(MIN_WEIGHT), Integer.toString(MAX_WEIGHT)));
			}
			else if (c.weight() == null && weighted > 0) {
				problems.add(new FieldProblem(at + ".weight", "plan.rules.criteria.weight.allOrNone"));
			}
			criteria.add(new Criterion(code, text, c.required(), c.weight()));
		}
		return List.copyOf(criteria);
	}

	private static List<String> outcomes(List<String> given, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return PlanRules.OUTCOMES;
		}
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			String outcome = trimToNull(given.get(i));
			String at = "recognitionOutcomes[" + i + "]";
			if (outcome == null || !PlanRules.OUTCOMES.contains(outcome)) {
				problems.add(new FieldProblem(at, "plan.rules.outcome.unknown", outcome == null ? "" : outcome,
						String.join(", ", PlanRules.OUTCOMES)));
			}
			else if (outcomes.contains(outcome)) {
				problems.add(new FieldProblem(at, "plan.rules.outcome.duplicate", outcome));
			}
			else {
				outcomes.add(outcome);
			}
		}
		if (!outcomes.contains(PlanRules.RECOGNIZED) || !outcomes.contains(PlanRules.NOT_RECOGNIZED)) {
			problems.add(new FieldProblem("recognitionOutcomes", "plan.rules.outcome.required"));
		}
		return List.copyOf(outcomes);
	}

	private static List<AwardType> awards(List<AwardType> given, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return PlanRules.defaultAwards();
		}
		List<AwardType> awards = new ArrayList<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			AwardType a = given.get(i) == null ? new AwardType(null, null, null, false, null, null) : given.get(i);
			String at = "awards[" + i + "]";
			String code = code(a.code(), at + ".code", codes, "plan.rules.awards.code.duplicate", problems);
			String name = trimToNull(a.name());
			if (name == null) {
				problems.add(new FieldProblem(at + ".name", "plan.rules.text.required"));
			}
			else if (name.length() > MAX_TEXT) {
				problems.add(new FieldProblem(at + ".name", "plan.rules.text.tooLong", Integer.toString(MAX_TEXT)));
			}
			String authority = trimToNull(a.authority());
			if (authority == null) {
				problems.add(new FieldProblem(at + ".authority", "plan.rules.awards.authority.required"));
			}
			if (a.recipients() == null) {
				problems.add(new FieldProblem(at + ".recipients", "plan.rules.awards.recipients.required"));
			}
			if (a.quota() != null && a.quota() < 1) {
				problems.add(new FieldProblem(at + ".quota", "plan.rules.awards.quota.range"));
			}
			awards.add(new AwardType(code, name, authority, a.external(), a.recipients(), a.quota()));
		}
		return List.copyOf(awards);
	}

	/** The dates present must follow each other; the evaluation opens after registration closes. */
	private static void season(SeasonDates season, Plan plan, List<FieldProblem> problems) {
		String[] names = { "evaluationOpensAt", "resultReportDeadline", "councilSessionAt", "awardDossierDeadline" };
		Instant[] dates = { season.evaluationOpensAt(), season.resultReportDeadline(), season.councilSessionAt(),
				season.awardDossierDeadline() };
		if (dates[0] != null && plan.registrationDeadline() != null
				&& !dates[0].isAfter(plan.registrationDeadline())) {
			problems.add(new FieldProblem("season.evaluationOpensAt", "plan.rules.season.afterRegistration"));
		}
		int previous = -1;
		for (int i = 0; i < dates.length; i++) {
			if (dates[i] == null) {
				continue;
			}
			if (previous >= 0 && !dates[i].isAfter(dates[previous])) {
				problems.add(new FieldProblem("season." + names[i], "plan.rules.season.order." + names[i],
						names[previous]));
			}
			previous = i;
		}
	}

	private static String code(String given, String at, Set<String> seen, String duplicateKey,
			List<FieldProblem> problems) {
		String code = trimToNull(given);
		if (code == null) {
			problems.add(new FieldProblem(at, "plan.rules.code.required"));
		}
		else if (!CODE.matcher(code).matches()) {
			problems.add(new FieldProblem(at, "plan.rules.code.pattern"));
		}
		else if (!seen.add(code)) {
			problems.add(new FieldProblem(at, duplicateKey, code));
		}
		return code;
	}

	private static String trimToNull(String value) {
		if (value == null) {
			return null;
		}
		String trimmed = value.strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

}
