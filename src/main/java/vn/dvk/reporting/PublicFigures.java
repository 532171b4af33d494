package vn.dvk.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.RegisterCount;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.SentCount;
import vn.dvk.reporting.MovementFigures.FieldLine;
import vn.dvk.reporting.MovementFigures.UnitLine;
import vn.dvk.reporting.MovementFigures.YearLine;

/**
 * The movement's public figures, from aggregate queries of the registration and recognition
 * modules (a handful of rows per year, field or unit, whatever the number of registrations).
 * Unlike {@link SummaryReport} (one plan, for signed-in people) it never reads a registration.
 */
@Service
public class PublicFigures {

	/** Units shown one by one; the others are one line. */
	public static final int TOP_UNITS = 10;

	private static final Set<String> STANDARD_FIELDS = PlanField.standard()
		.stream()
		.map(PlanField::code)
		.collect(Collectors.toUnmodifiableSet());

	private final RegistrationService registrations;

	private final RecognizedModelRegister register;

	private final PlanService plans;

	private final OrganizationService organization;

	PublicFigures(RegistrationService registrations, RecognizedModelRegister register, PlanService plans,
			OrganizationService organization) {
		this.registrations = registrations;
		this.register = register;
		this.plans = plans;
		this.organization = organization;
	}

	public MovementFigures figures() {
		List<Plan> allPlans = plans.list();
		Map<String, Integer> planYears = new HashMap<>();
		Map<String, String> fieldNames = new LinkedHashMap<>(Fields.KNOWN);
		for (Plan plan : allPlans) {
			planYears.put(plan.code(), plan.year());
			plan.fields().forEach(f -> fieldNames.putIfAbsent(f.code(), f.name()));
		}
		List<SentCount> sent = registrations.sentCounts();
		List<RegisterCount> perYear = register.countsByYear();
		List<RegisterCount> perField = register.countsByField();

		Map<Integer, Long> sentByYear = new TreeMap<>();
		Map<String, Long> sentByField = new HashMap<>();
		for (SentCount count : sent) {
			Integer year = planYears.get(count.planCode());
			if (year != null) {
				sentByYear.merge(year, count.count(), Long::sum);
			}
			sentByField.merge(count.field(), count.count(), Long::sum);
		}
		return new MovementFigures(byYear(sentByYear, perYear), byField(fieldNames, sentByField, perField),
				byUnit(register.countsByUnit()), sentByField.values().stream().mapToLong(Long::longValue).sum(),
				perYear.stream().mapToLong(RegisterCount::recognized).sum(),
				perYear.stream().mapToLong(RegisterCount::typical).sum());
	}

	private static List<YearLine> byYear(Map<Integer, Long> sentByYear, List<RegisterCount> perYear) {
		Map<Integer, RegisterCount> recognized = new HashMap<>();
		perYear.forEach(c -> recognized.put(Integer.valueOf(c.key()), c));
		TreeSet<Integer> years = new TreeSet<>(sentByYear.keySet());
		years.addAll(recognized.keySet());
		List<YearLine> lines = new ArrayList<>();
		long cumulative = 0;
		for (int year : years) {
			RegisterCount count = recognized.getOrDefault(year, new RegisterCount(String.valueOf(year), 0, 0));
			cumulative += count.recognized();
			lines.add(new YearLine(year, sentByYear.get(year), count.recognized(), count.typical(), cumulative));
		}
		return lines;
	}

	private static List<FieldLine> byField(Map<String, String> names, Map<String, Long> sentByField,
			List<RegisterCount> perField) {
		Map<String, RegisterCount> recognized = new HashMap<>();
		perField.forEach(c -> recognized.put(c.key(), c));
		List<String> codes = new ArrayList<>(Fields.KNOWN.keySet());
		new TreeSet<>(sentByField.keySet()).forEach(code -> addIfAbsent(codes, code));
		new TreeSet<>(recognized.keySet()).forEach(code -> addIfAbsent(codes, code));
		List<FieldLine> lines = new ArrayList<>();
		for (String code : codes) {
			long sentCount = sentByField.getOrDefault(code, 0L);
			RegisterCount count = recognized.get(code);
			// the standard fields always (the same bars every year), others only when counted
			if (STANDARD_FIELDS.contains(code) || sentCount > 0 || count != null) {
				lines.add(new FieldLine(code, names.getOrDefault(code, Fields.name(code)), sentCount,
						count == null ? 0 : count.recognized(), count == null ? 0 : count.typical()));
			}
		}
		return lines;
	}

	private List<UnitLine> byUnit(List<RegisterCount> perUnit) {
		List<UnitLine> lines = new ArrayList<>();
		long restRecognized = 0, restTypical = 0;
		int rest = 0;
		for (RegisterCount count : perUnit) {
			if (lines.size() < TOP_UNITS) {
				String name = organization.find(count.key()).map(Unit::name).orElse(count.key());
				lines.add(new UnitLine(count.key(), name, 1, count.recognized(), count.typical()));
			}
			else {
				rest++;
				restRecognized += count.recognized();
				restTypical += count.typical();
			}
		}
		if (rest > 0) {
			lines.add(new UnitLine(null, null, rest, restRecognized, restTypical));
		}
		return lines;
	}

	private static void addIfAbsent(List<String> codes, String code) {
		if (!codes.contains(code)) {
			codes.add(code);
		}
	}

}
