package vn.dvk.recognition.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.RegisterCount;
import vn.dvk.recognition.RegisterQuery;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;

/**
 * What the public pages show of the register: names of units and fields, the filters' choices,
 * and of a registration only what is public — its items once it is recognised; never its
 * attachments, history, reviewers' comments or who wrote it.
 */
@Component
class PublicModelViews {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private static final Set<RegistrationStatus> PUBLIC_STATUSES = EnumSet.of(RegistrationStatus.RECOGNIZED,
			RegistrationStatus.RECOGNIZED_TYPICAL);

	private final RecognizedModelRegister register;

	private final OrganizationService organization;

	private final PlanService plans;

	private final RegistrationService registrations;

	private final MessageSource messages;

	PublicModelViews(RecognizedModelRegister register, OrganizationService organization, PlanService plans,
			RegistrationService registrations, MessageSource messages) {
		this.register = register;
		this.organization = organization;
		this.plans = plans;
		this.registrations = registrations;
		this.messages = messages;
	}

	List<Row> rows(List<RecognizedModel> models) {
		Map<String, String> fieldNames = fieldNames();
		return models.stream()
			.map(m -> new Row(m.id(), m.name(), unitName(m.unitCode()), fieldNames.getOrDefault(m.field(), m.field()),
					m.year(), m.outcome()))
			.toList();
	}

	/** The filters' choices: only values the register holds (each a database aggregate). */
	Options options() {
		Map<String, String> names = fieldNames();
		Set<String> fieldsHeld = register.countsByField().stream().map(RegisterCount::key).collect(Collectors.toSet());
		List<Choice> fields = new ArrayList<>();
		names.forEach((code, name) -> {
			if (fieldsHeld.remove(code)) {
				fields.add(new Choice(code, name));
			}
		});
		fieldsHeld.stream().sorted().forEach(code -> fields.add(new Choice(code, code)));

		Set<String> unitsHeld = register.countsByUnit().stream().map(RegisterCount::key).collect(Collectors.toSet());
		List<Choice> units = new ArrayList<>();
		for (Unit unit : organization.all()) {
			if (unitsHeld.remove(unit.code())) {
				units.add(new Choice(unit.code(), unit.name()));
			}
		}
		unitsHeld.stream().sorted().forEach(code -> units.add(new Choice(code, code)));

		List<Integer> years = register.countsByYear()
			.stream()
			.map(c -> Integer.valueOf(c.key()))
			.sorted(java.util.Comparator.reverseOrder())
			.toList();
		List<RecognitionOutcome> outcomes = java.util.Arrays.stream(RecognitionOutcome.values())
			.filter(RecognitionOutcome::recognized)
			.toList();
		return new Options(fields, units, years, outcomes, List.of(RegisterQuery.Sort.values()));
	}

	Detail detail(RecognizedModel m) {
		Optional<Registration> registration = Optional.ofNullable(m.registrationCode())
			.flatMap(registrations::find)
			.filter(r -> PUBLIC_STATUSES.contains(r.status()));
		Optional<Plan> plan = registration.flatMap(r -> plans.find(r.planCode()));
		return new Detail(m.id(), m.name(), unitName(m.unitCode()), fieldNames().getOrDefault(m.field(), m.field()),
				m.year(), m.outcome(), m.decisionNumber(), RecognizedModelRegister.SOURCE_IMPORT.equals(m.source()),
				m.recordedAt(), registration.map(r -> r.kind().name()).orElse(null),
				plan.map(Plan::code).orElse(null), plan.map(Plan::title).orElse(null),
				registration.map(r -> items(r.items())).orElse(List.of()));
	}

	private String unitName(String code) {
		return organization.find(code).map(Unit::name).orElse(code);
	}

	/** The standard fields, then those of every plan, then the names of the message file. */
	private Map<String, String> fieldNames() {
		Map<String, String> names = new LinkedHashMap<>();
		PlanField.standard().forEach(f -> names.put(f.code(), f.name()));
		for (String code : List.of("NONG_THON_MOI")) {
			names.put(code, messages.getMessage("public.field." + code, null, code, VI));
		}
		plans.list().forEach(p -> p.fields().forEach(f -> names.putIfAbsent(f.code(), f.name())));
		return names;
	}

	/** The nine items after the name, each with its message key; empty ones left out. */
	private static List<Item> items(RegistrationItems i) {
		List<Item> items = new ArrayList<>();
		add(items, "situation", i.situation());
		add(items, "objectives", i.objectives());
		add(items, "approach", i.approach());
		add(items, "beneficiaries", i.beneficiaries());
		add(items, "implementers", i.implementers());
		add(items, "resources", i.resources());
		add(items, "timeframe", i.timeframe());
		add(items, "outputs", i.outputs());
		add(items, "sustainability", i.sustainability());
		return items;
	}

	private static void add(List<Item> items, String key, String value) {
		if (value != null && !value.isBlank()) {
			items.add(new Item(key, value));
		}
	}

	/** A line of the public list. */
	record Row(long id, String name, String unitName, String fieldName, int year, RecognitionOutcome outcome) {
	}

	record Choice(String code, String name) {
	}

	record Options(List<Choice> fields, List<Choice> units, List<Integer> years, List<RecognitionOutcome> outcomes,
			List<RegisterQuery.Sort> sorts) {
	}

	record Item(String key, String value) {
	}

	/**
	 * One model's public page. {@code kind}, {@code planCode}, {@code planTitle} and the items
	 * are there only for a model recognised in the system.
	 */
	record Detail(long id, String name, String unitName, String fieldName, int year, RecognitionOutcome outcome,
			String decisionNumber, boolean imported, Instant recordedAt, String kind, String planCode,
			String planTitle, List<Item> items) {
	}

}
