package vn.dvk.recognition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recognized_model} table (V6; search columns V9). */
@Repository
class RecognizedModelRepository {

	private static final String COLUMNS = """
			id, name, unit_code, field, recognized_year, outcome, registration_code, decision_number, source,
			recorded_at""";

	private final JdbcClient jdbc;

	RecognizedModelRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts one entry; with a registration code already registered, inserts nothing and returns empty. */
	Optional<Long> insert(RecognizedModel model) {
		return jdbc.sql("""
				insert into recognized_model (name, unit_code, field, recognized_year, outcome, registration_code,
				    decision_number, source, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (registration_code) where registration_code is not null do nothing
				returning id""")
			.params(model.name(), model.unitCode(), model.field(), model.year(), model.outcome().name(),
					model.registrationCode(), model.decisionNumber(), model.source(),
					Timestamp.from(model.recordedAt()))
			.query(Long.class)
			.optional();
	}

	/** Inserts every entry in one statement; returns the ids in the order given. */
	List<Long> insertAll(List<RecognizedModel> models) {
		if (models.isEmpty()) {
			return List.of();
		}
		int n = models.size();
		String[] names = new String[n];
		String[] units = new String[n];
		String[] fields = new String[n];
		Integer[] years = new Integer[n];
		String[] outcomes = new String[n];
		String[] decisions = new String[n];
		String[] sources = new String[n];
		Timestamp[] recorded = new Timestamp[n];
		for (int i = 0; i < n; i++) {
			RecognizedModel m = models.get(i);
			names[i] = m.name();
			units[i] = m.unitCode();
			fields[i] = m.field();
			years[i] = m.year();
			outcomes[i] = m.outcome().name();
			decisions[i] = m.decisionNumber();
			sources[i] = m.source();
			recorded[i] = Timestamp.from(m.recordedAt());
		}
		return jdbc.sql("""
				with rows as (
				    select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::varchar[],
				        ?::varchar[], ?::varchar[], ?::timestamptz[]) with ordinality
				        as t(name, unit_code, field, recognized_year, outcome, decision_number, source, recorded_at, i)
				), inserted as (
				    insert into recognized_model (name, unit_code, field, recognized_year, outcome, decision_number,
				        source, recorded_at)
				    select name, unit_code, field, recognized_year, outcome, decision_number, source, recorded_at
				    from rows order by i
				    returning id
				)
				select id from inserted order by id""")
			.params(names, units, fields, years, outcomes, decisions, sources, recorded)
			.query(Long.class)
			.list();
	}

	Optional<RecognizedModel> findByRegistration(String registrationCode) {
		return jdbc.sql("select " + COLUMNS + " from recognized_model where registration_code = ?")
			.param(registrationCode)
			.query(this::model)
			.optional();
	}

	List<RecognizedModel> upToYear(int year) {
		return jdbc.sql("select " + COLUMNS
				+ " from recognized_model where recognized_year <= ? order by recognized_year, unit_code, name, id")
			.param(year)
			.query(this::model)
			.list();
	}

	/** Entries recognised in or before the year, counted by unit, field and outcome. */
	List<RecognizedCount> countsUpToYear(int year) {
		return jdbc.sql("select unit_code, field, outcome, count(*) as n from recognized_model "
				+ "where recognized_year <= ? group by unit_code, field, outcome")
			.param(year)
			.query((rs, n) -> new RecognizedCount(rs.getString("unit_code"), rs.getString("field"),
					RecognitionOutcome.valueOf(rs.getString("outcome")), rs.getLong("n")))
			.list();
	}

	/** Entries of the given units in the given years (candidates for duplicate checks). */
	List<RecognizedModel> ofUnitsAndYears(Collection<String> unitCodes, Collection<Integer> years) {
		if (unitCodes.isEmpty() || years.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS
				+ " from recognized_model where unit_code = any(?::varchar[]) and recognized_year = any(?::int[])")
			.params(unitCodes.toArray(String[]::new), years.toArray(Integer[]::new))
			.query(this::model)
			.list();
	}

	Optional<RecognizedModel> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from recognized_model where id = ?").param(id).query(this::model).optional();
	}

	/**
	 * One page of the entries matching the query. The words of {@code text} are folded in SQL
	 * ({@code search_fold}, V9) like the stored names and matched as prefixes on the GIN index.
	 */
	List<RecognizedModel> search(RegisterQuery query, String text) {
		List<Object> params = new ArrayList<>();
		String where = where(query, text, params);
		params.add(query.size());
		params.add((long) query.page() * query.size());
		return jdbc.sql("select " + COLUMNS + " from recognized_model" + where + " order by " + order(query.sort())
				+ " limit ? offset ?")
			.params(params)
			.query(this::model)
			.list();
	}

	long count(RegisterQuery query, String text) {
		List<Object> params = new ArrayList<>();
		String where = where(query, text, params);
		return jdbc.sql("select count(*) from recognized_model" + where).params(params).query(Long.class).single();
	}

	/** Entries per year of recognition, oldest year first. */
	List<RegisterCount> countsByYear() {
		return counts("recognized_year", "recognized_year");
	}

	/** Entries per field, most first. */
	List<RegisterCount> countsByField() {
		return counts("field", "count(*) desc, field");
	}

	/** Entries per unit, most first. */
	List<RegisterCount> countsByUnit() {
		return counts("unit_code", "count(*) desc, unit_code");
	}

	private List<RegisterCount> counts(String column, String order) {
		return jdbc.sql("select " + column + "::text as key, count(*) as recognized, "
				+ "count(*) filter (where outcome = 'RECOGNIZED_TYPICAL') as typical from recognized_model group by "
				+ column + " order by " + order)
			.query((rs, n) -> new RegisterCount(rs.getString("key"), rs.getLong("recognized"), rs.getLong("typical")))
			.list();
	}

	private static String where(RegisterQuery query, String text, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (text != null) {
			conditions.add("search_words @@ to_tsquery('simple', array_to_string(array(select word || ':*' "
					+ "from regexp_split_to_table(search_fold(?), '[^[:alnum:]]+') as word where word <> ''), ' & '))");
			params.add(text);
		}
		if (query.field() != null) {
			conditions.add("field = ?");
			params.add(query.field());
		}
		if (query.unitCode() != null) {
			conditions.add("unit_code = ?");
			params.add(query.unitCode());
		}
		if (query.year() != null) {
			conditions.add("recognized_year = ?");
			params.add(query.year());
		}
		if (query.outcome() != null) {
			conditions.add("outcome = ?");
			params.add(query.outcome().name());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static String order(RegisterQuery.Sort sort) {
		return switch (sort) {
			case NEWEST -> "recognized_year desc, search_name, id";
			case NAME -> "search_name, recognized_year desc, id";
			case OLDEST -> "recognized_year, search_name, id";
		};
	}

	private RecognizedModel model(ResultSet rs, int row) throws SQLException {
		return new RecognizedModel(rs.getLong("id"), rs.getString("name"), rs.getString("unit_code"),
				rs.getString("field"), rs.getInt("recognized_year"), RecognitionOutcome.valueOf(rs.getString("outcome")),
				rs.getString("registration_code"), rs.getString("decision_number"), rs.getString("source"),
				rs.getTimestamp("recorded_at").toInstant());
	}

}
