package vn.dvk.recognition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of recognised models: every model recognised by a council decision and every
 * model imported from before the system. Public API of the recognition module; each method is
 * one transaction (the caller's, when there is one).
 */
@Service
public class RecognizedModelRegister {

	public static final String SOURCE_SYSTEM = "SYSTEM";

	public static final String SOURCE_IMPORT = "IMPORT";

	/** Longest search text looked at (longer is cut). */
	static final int SEARCH_MAX = 200;

	private final RecognizedModelRepository repository;

	private final Clock clock;

	RecognizedModelRegister(RecognizedModelRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/**
	 * Adds a model recognised by a decision of the system (source SYSTEM). Idempotent per
	 * registration: adding a registration already in the register returns the stored entry
	 * and changes nothing (a repeated message or retried job is harmless).
	 *
	 * @throws IllegalArgumentException when the outcome is not a recognition or a required value is missing
	 */
	@Transactional
	public RecognizedModel add(RecognizedModel model) {
		check(model);
		RecognizedModel entry = stamped(model, SOURCE_SYSTEM, model.registrationCode());
		Optional<Long> id = repository.insert(entry);
		if (id.isEmpty()) {
			return repository.findByRegistration(model.registrationCode()).orElseThrow();
		}
		return withId(entry, id.get());
	}

	/**
	 * Adds imported models, all or none (source IMPORT; registration codes are ignored).
	 *
	 * @throws IllegalArgumentException when any entry is invalid (nothing is stored)
	 */
	@Transactional
	public List<RecognizedModel> importAll(List<RecognizedModel> models) {
		List<RecognizedModel> entries = models.stream()
			.peek(RecognizedModelRegister::check)
			.map(model -> stamped(model, SOURCE_IMPORT, null))
			.toList();
		List<Long> ids = repository.insertAll(entries);
		List<RecognizedModel> stored = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			stored.add(withId(entries.get(i), ids.get(i)));
		}
		return stored;
	}

	/** The entry of a registration recognised in the system, if any. */
	@Transactional(readOnly = true)
	public Optional<RecognizedModel> ofRegistration(String registrationCode) {
		return registrationCode == null ? Optional.empty() : repository.findByRegistration(registrationCode);
	}

	/** Every entry recognised in or before the given year (for cumulative figures), oldest first. */
	@Transactional(readOnly = true)
	public List<RecognizedModel> upToYear(int year) {
		return repository.upToYear(year);
	}

	/** One entry by its id. */
	@Transactional(readOnly = true)
	public Optional<RecognizedModel> find(long id) {
		return repository.find(id);
	}

	/**
	 * One page of the register for the public list: only recognised models are ever in it. The
	 * text is compared without diacritics and case, each of its words as the start of a word of
	 * the name; a text without letters or digits is no criterion.
	 */
	@Transactional(readOnly = true)
	public RegisterPage search(RegisterQuery query) {
		String text = searchText(query.text());
		long total = repository.count(query, text);
		List<RecognizedModel> items = total == 0 || (long) query.page() * query.size() >= total ? List.of()
				: repository.search(query, text);
		return new RegisterPage(items, query.page(), query.size(), total);
	}

	/** How many entries per year of recognition (oldest first); aggregated in the database. */
	@Transactional(readOnly = true)
	public List<RegisterCount> countsByYear() {
		return repository.countsByYear();
	}

	/** How many entries per field (most first); aggregated in the database. */
	@Transactional(readOnly = true)
	public List<RegisterCount> countsByField() {
		return repository.countsByField();
	}

	/** How many entries per unit (most first); aggregated in the database. */
	@Transactional(readOnly = true)
	public List<RegisterCount> countsByUnit() {
		return repository.countsByUnit();
	}

	/** The words of a search, at most {@value #SEARCH_MAX} characters; null without a letter or digit. */
	static String searchText(String text) {
		if (text == null || text.codePoints().noneMatch(Character::isLetterOrDigit)) {
			return null;
		}
		String stripped = text.strip();
		return stripped.length() > SEARCH_MAX ? stripped.substring(0, SEARCH_MAX) : stripped;
	}

	/** Entries recognised in or before the given year, counted by unit, field and outcome (cumulative figures). */
	@Transactional(readOnly = true)
	public List<RecognizedCount> countsUpToYear(int year) {
		return repository.countsUpToYear(year);
	}

	/**
	 * Entries already in the register with the same name (ignoring case and spacing), unit and
	 * year as one of the given models (an import must not count a model twice).
	 */
	@Transactional(readOnly = true)
	public List<RecognizedModel> sameAs(List<RecognizedModel> models) {
		Set<String> keys = models.stream().map(RecognizedModelRegister::key).collect(Collectors.toSet());
		Set<String> units = models.stream().map(RecognizedModel::unitCode).collect(Collectors.toSet());
		Set<Integer> years = models.stream().map(RecognizedModel::year).collect(Collectors.toSet());
		return repository.ofUnitsAndYears(units, years).stream().filter(entry -> keys.contains(key(entry))).toList();
	}

	/** Name (lower case, single spaces), unit and year: what makes two entries the same model. */
	public static String key(RecognizedModel model) {
		return normalizedName(model.name()) + "|" + model.unitCode() + "|" + model.year();
	}

	/** A name compared without regard to case and spacing. */
	public static String normalizedName(String name) {
		return name == null ? "" : name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.forLanguageTag("vi"));
	}

	private RecognizedModel stamped(RecognizedModel model, String source, String registrationCode) {
		return new RecognizedModel(0, model.name().strip(), model.unitCode(), model.field(), model.year(),
				model.outcome(), registrationCode, blankToNull(model.decisionNumber()), source, clock.instant());
	}

	private static RecognizedModel withId(RecognizedModel m, long id) {
		return new RecognizedModel(id, m.name(), m.unitCode(), m.field(), m.year(), m.outcome(), m.registrationCode(),
				m.decisionNumber(), m.source(), m.recordedAt());
	}

	private static void check(RecognizedModel model) {
		Objects.requireNonNull(model, "model");
		if (model.name() == null || model.name().isBlank() || model.name().length() > 500) {
			throw new IllegalArgumentException("A recognised model needs a name of at most 500 characters");
		}
		if (model.unitCode() == null || model.unitCode().isBlank() || model.field() == null
				|| model.field().isBlank()) {
			throw new IllegalArgumentException("A recognised model needs a unit and a field: " + model.name());
		}
		if (model.outcome() == null || !model.outcome().recognized()) {
			throw new IllegalArgumentException("Only recognised models enter the register: " + model.outcome());
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
