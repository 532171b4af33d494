package vn.dvk.plan;

import static vn.dvk.shared.JdbcValues.fromJson;
import static vn.dvk.shared.JdbcValues.instant;
import static vn.dvk.shared.JdbcValues.json;
import static vn.dvk.shared.JdbcValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code plan_rules} table: criteria, outcomes and awards as jsonb, scores and the season's
 * dates as columns. No row means "defaults" ({@link PlanRules#defaults()}).
 */
@Repository
class PlanRulesRepository {

	private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> OUTCOMES = new TypeReference<>() {
	};

	private static final TypeReference<List<AwardType>> AWARDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	PlanRulesRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PlanRules> find(String planCode) {
		return jdbc.sql("""
				select criteria, recognition_outcomes, recognize_min_score, typical_min_score, awards,
				evaluation_opens_at, result_report_deadline, council_session_at, award_dossier_deadline, summary_date
				from plan_rules where plan_code = ?""")
			.param(planCode)
			.query(PlanRulesRepository::rules)
			.optional();
	}

	void save(String planCode, PlanRules rules, String actor, Instant now) {
		SeasonDates season = rules.season();
		jdbc.sql("""
				insert into plan_rules (plan_code, criteria, recognition_outcomes, recognize_min_score,
				typical_min_score, awards, evaluation_opens_at, result_report_deadline, council_session_at,
				award_dossier_deadline, summary_date, updated_by, updated_at)
				values (?, cast(? as jsonb), cast(? as jsonb), ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
				on conflict (plan_code) do update set criteria = excluded.criteria,
				recognition_outcomes = excluded.recognition_outcomes, recognize_min_score = excluded.recognize_min_score,
				typical_min_score = excluded.typical_min_score, awards = excluded.awards,
				evaluation_opens_at = excluded.evaluation_opens_at, result_report_deadline = excluded.result_report_deadline,
				council_session_at = excluded.council_session_at, award_dossier_deadline = excluded.award_dossier_deadline,
				summary_date = excluded.summary_date, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(planCode, json(rules.criteria()), json(rules.recognitionOutcomes()), rules.recognizeMinScore(),
					rules.typicalMinScore(), json(rules.awards()), timestamp(season.evaluationOpensAt()),
					timestamp(season.resultReportDeadline()), timestamp(season.councilSessionAt()),
					timestamp(season.awardDossierDeadline()), season.summaryDate(), actor, timestamp(now))
			.update();
	}

	private static PlanRules rules(ResultSet rs, int row) throws SQLException {
		SeasonDates season = new SeasonDates(instant(rs, "evaluation_opens_at"), instant(rs, "result_report_deadline"),
				instant(rs, "council_session_at"), instant(rs, "award_dossier_deadline"),
				rs.getObject("summary_date", LocalDate.class));
		return new PlanRules(List.copyOf(fromJson(rs.getString("criteria"), CRITERIA)),
				List.copyOf(fromJson(rs.getString("recognition_outcomes"), OUTCOMES)), rs.getInt("recognize_min_score"),
				rs.getInt("typical_min_score"), List.copyOf(fromJson(rs.getString("awards"), AWARDS)), season);
	}

}
