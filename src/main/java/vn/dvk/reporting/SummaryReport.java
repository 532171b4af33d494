package vn.dvk.reporting;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import vn.dvk.award.AwardCount;
import vn.dvk.award.AwardService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.organization.UnitLevel;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedCount;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.RegistrationCount;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.reporting.Summary.AwardLine;
import vn.dvk.reporting.Summary.Awards;
import vn.dvk.reporting.Summary.Figures;
import vn.dvk.reporting.Summary.Line;

/**
 * The year-end summary of a plan, computed from the public APIs of the plan, registration,
 * recognition and award modules (never their tables). Public figures: anyone signed in may read them.
 */
@Service
public class SummaryReport {

	static final Set<RegistrationStatus> ACCEPTED = EnumSet.of(RegistrationStatus.ACCEPTED, RegistrationStatus.REPORTED,
			RegistrationStatus.RECOGNIZED, RegistrationStatus.RECOGNIZED_TYPICAL, RegistrationStatus.NOT_RECOGNIZED);

	static final Set<RegistrationStatus> REPORTED = EnumSet.of(RegistrationStatus.REPORTED,
			RegistrationStatus.RECOGNIZED, RegistrationStatus.RECOGNIZED_TYPICAL, RegistrationStatus.NOT_RECOGNIZED);

	static final Set<RegistrationStatus> RECOGNIZED = EnumSet.of(RegistrationStatus.RECOGNIZED,
			RegistrationStatus.RECOGNIZED_TYPICAL);

	private final PlanService plans;

	private final RegistrationService registrations;

	private final RecognizedModelRegister register;

	private final AwardService awards;

	private final OrganizationService organization;

	SummaryReport(PlanService plans, RegistrationService registrations, RecognizedModelRegister register,
			AwardService awards, OrganizationService organization) {
		this.plans = plans;
		this.registrations = registrations;
		this.register = register;
		this.awards = awards;
		this.organization = organization;
	}

	/**
	 * The summary of a plan (404 for an unknown plan), from grouped counts: the plan's
	 * registrations by unit, field and status, the register by unit, field and outcome (a few
	 * hundred rows whatever the number of registrations).
	 */
	public Summary of(String planCode) {
		Plan plan = plans.require(planCode);
		List<RegistrationCount> sent = registrations.counts(plan.code())
			.stream()
			.filter(c -> c.status() != RegistrationStatus.DRAFT)
			.toList();
		List<RecognizedCount> cumulative = register.countsUpToYear(plan.year());

		Map<String, String> fieldNames = new LinkedHashMap<>();
		plan.fields().forEach(f -> fieldNames.put(f.code(), f.name()));
		sent.forEach(r -> fieldNames.putIfAbsent(r.field(), Fields.name(r.field())));
		cumulative.forEach(m -> fieldNames.putIfAbsent(m.field(), Fields.name(m.field())));
		List<Line> byField = fieldNames.entrySet()
			.stream()
			.map(e -> new Line(e.getKey(), e.getValue(), null, null,
					figures(sent, cumulative, RegistrationCount::field, RecognizedCount::field, e.getKey())))
			.toList();

		List<Line> byUnit = new ArrayList<>();
		for (Unit unit : unitsInOrder(sent, cumulative)) {
			Figures figures = figures(sent, cumulative, RegistrationCount::unitCode, RecognizedCount::unitCode,
					unit.code());
			if (!figures.equals(Figures.ZERO)) {
				byUnit.add(new Line(unit.code(), unit.name(), unit.level().name(), unit.level().label(), figures));
			}
		}

		List<Line> byLevel = new ArrayList<>();
		for (UnitLevel level : UnitLevel.values()) {
			Figures figures = figures(sent, cumulative, r -> levelOf(r.unitCode()), m -> levelOf(m.unitCode()),
					level.name());
			byLevel.add(new Line(level.name(), level.label(), null, null, figures));
		}

		Figures totals = figures(sent, cumulative, r -> "", m -> "", "");
		return new Summary(plan.code(), plan.title(), plan.year(), totals, byField, byUnit, byLevel,
				awards(plan.code()));
	}

	private Awards awards(String planCode) {
		Map<String, long[]> byType = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		for (AwardCount count : awards.counts(planCode)) {
			long[] kinds = byType.computeIfAbsent(count.awardType(), t -> new long[2]);
			names.putIfAbsent(count.awardType(), count.awardName());
			kinds["INDIVIDUAL".equals(count.recipientKind()) ? 1 : 0] += count.count();
		}
		List<AwardLine> lines = byType.entrySet()
			.stream()
			.map(e -> new AwardLine(e.getKey(), names.get(e.getKey()), e.getValue()[0], e.getValue()[1],
					e.getValue()[0] + e.getValue()[1]))
			.toList();
		long collective = lines.stream().mapToLong(AwardLine::collective).sum();
		long individual = lines.stream().mapToLong(AwardLine::individual).sum();
		return new Awards(lines, collective, individual, collective + individual);
	}

	private static Figures figures(List<RegistrationCount> sent, List<RecognizedCount> register,
			Function<RegistrationCount, String> registrationKey, Function<RecognizedCount, String> modelKey,
			String key) {
		long registered = 0, accepted = 0, reported = 0, recognized = 0, typical = 0, cumulative = 0,
				cumulativeTypical = 0;
		for (RegistrationCount r : sent) {
			if (!key.equals(registrationKey.apply(r))) {
				continue;
			}
			registered += r.count();
			accepted += ACCEPTED.contains(r.status()) ? r.count() : 0;
			reported += REPORTED.contains(r.status()) ? r.count() : 0;
			recognized += RECOGNIZED.contains(r.status()) ? r.count() : 0;
			typical += r.status() == RegistrationStatus.RECOGNIZED_TYPICAL ? r.count() : 0;
		}
		for (RecognizedCount m : register) {
			if (key.equals(modelKey.apply(m))) {
				cumulative += m.count();
				cumulativeTypical += m.outcome() == RecognitionOutcome.RECOGNIZED_TYPICAL ? m.count() : 0;
			}
		}
		return new Figures(registered, accepted, reported, recognized, typical, cumulative, cumulativeTypical);
	}

	private List<Unit> unitsInOrder(List<RegistrationCount> sent, List<RecognizedCount> register) {
		Set<String> codes = new java.util.HashSet<>();
		sent.forEach(r -> codes.add(r.unitCode()));
		register.forEach(m -> codes.add(m.unitCode()));
		return organization.all().stream().filter(u -> codes.contains(u.code())).toList();
	}

	private String levelOf(String unitCode) {
		return organization.find(unitCode).map(u -> u.level().name()).orElse("");
	}

}
