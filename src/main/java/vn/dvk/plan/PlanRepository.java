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
 * The {@code plan} and {@code plan_history} tables. Fields and scope are jsonb arrays
 * ({@code [{"code":"KINH_TE","name":"Kinh tế"}]}, {@code ["xa-cam-lam"]}).
 */
@Repository
class PlanRepository {

	private static final TypeReference<List<PlanField>> FIELDS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> CODES = new TypeReference<>() {
	};

	/** Advisory lock namespace of plan code numbering (one lock per year). */
	private static final long CODE_LOCK_BASE = 0x4B48_0000_0000L;

	private static final String COLUMNS = """
			code, title, plan_year, legal_basis_number, legal_basis_date, description, fields, scope_unit_codes,
			review_mode, registration_deadline, reminder_days_before, review_days, escalation_days, status,
			created_by, created_at, published_at""";

	private final JdbcClient jdbc;

	PlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Plan> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from plan where code = ?").param(code).query(this::plan).optional();
	}

	/** The plan, its row locked until the end of the transaction. */
	Optional<Plan> findForUpdate(String code) {
		return jdbc.sql("select " + COLUMNS + " from plan where code = ? for update")
			.param(code)
			.query(this::plan)
			.optional();
	}

	/**
	 * The plan, its row share-locked until the end of the transaction: many transactions may hold
	 * it at once (and insert registrations of the plan), but none while another changes the row
	 * ({@link #findForUpdate}, an update), which waits for them all.
	 */
	Optional<Plan> findForShare(String code) {
		return jdbc.sql("select " + COLUMNS + " from plan where code = ? for share")
			.param(code)
			.query(this::plan)
			.optional();
	}

	/** Newest year first, then by code. */
	List<Plan> findAll() {
		return jdbc.sql("select " + COLUMNS + " from plan order by plan_year desc, code desc").query(this::plan).list();
	}

	boolean exists(String code) {
		return jdbc.sql("select count(*) from plan where code = ?").param(code).query(Integer.class).single() > 0;
	}

	/**
	 * Serialises code allocation of one year across transactions and JVMs; released at commit
	 * or rollback.
	 */
	void lockCodesOf(int year) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(CODE_LOCK_BASE + year).query((rs, i) -> 1).single();
	}

	/** The highest sequence number among codes {@code KH-<year>-NN[N]}, 0 if none. */
	int highestSequenceOf(int year) {
		return jdbc.sql("""
				select coalesce(max(cast(substring(code from 9) as integer)), 0) from plan
				where code ~ ('^KH-' || ? || '-[0-9]{2,3}$')""")
			.param(String.valueOf(year))
			.query(Integer.class)
			.single();
	}

	void insert(Plan plan) {
		jdbc.sql("insert into plan (" + COLUMNS + """
				) values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(plan.code(), plan.title(), plan.year(), plan.legalBasisNumber(), plan.legalBasisDate(),
					plan.description(), json(plan.fields()), json(plan.scopeUnitCodes()), plan.reviewMode().name(),
					timestamp(plan.registrationDeadline()), plan.reminderDaysBefore(), plan.reviewDays(),
					plan.escalationDays(), plan.status().name(), plan.createdBy(), timestamp(plan.createdAt()),
					timestamp(plan.publishedAt()))
			.update();
	}

	/** Writes what a drafter may change. */
	void updateContent(Plan plan) {
		jdbc.sql("""
				update plan set title = ?, plan_year = ?, legal_basis_number = ?, legal_basis_date = ?,
				description = ?, fields = cast(? as jsonb), scope_unit_codes = cast(? as jsonb), review_mode = ?,
				registration_deadline = ?, reminder_days_before = ?, review_days = ?, escalation_days = ?,
				version = version + 1
				where code = ?""")
			.params(plan.title(), plan.year(), plan.legalBasisNumber(), plan.legalBasisDate(), plan.description(),
					json(plan.fields()), json(plan.scopeUnitCodes()), plan.reviewMode().name(),
					timestamp(plan.registrationDeadline()), plan.reminderDaysBefore(), plan.reviewDays(),
					plan.escalationDays(), plan.code())
			.update();
	}

	void updateStatus(String code, PlanStatus status, Instant publishedAt) {
		jdbc.sql("update plan set status = ?, published_at = ?, version = version + 1 where code = ?")
			.params(status.name(), timestamp(publishedAt), code)
			.update();
	}

	void appendHistory(String code, PlanHistoryEntry entry) {
		jdbc.sql("insert into plan_history (plan_code, status, actor, comment, occurred_at) values (?, ?, ?, ?, ?)")
			.params(code, entry.status().name(), entry.actor(), entry.comment(), timestamp(entry.occurredAt()))
			.update();
	}

	/** Oldest first. */
	List<PlanHistoryEntry> history(String code) {
		return jdbc.sql("""
				select status, actor, comment, occurred_at from plan_history
				where plan_code = ? order by occurred_at, id""")
			.param(code)
			.query((rs, i) -> new PlanHistoryEntry(PlanStatus.valueOf(rs.getString("status")), rs.getString("actor"),
					rs.getString("comment"), instant(rs, "occurred_at")))
			.list();
	}

	private Plan plan(ResultSet rs, int row) throws SQLException {
		return new Plan(rs.getString("code"), rs.getString("title"), rs.getInt("plan_year"),
				rs.getString("legal_basis_number"), rs.getObject("legal_basis_date", LocalDate.class),
				rs.getString("description"), List.copyOf(fromJson(rs.getString("fields"), FIELDS)),
				List.copyOf(fromJson(rs.getString("scope_unit_codes"), CODES)), ReviewMode.valueOf(rs.getString("review_mode")),
				instant(rs, "registration_deadline"), rs.getInt("reminder_days_before"), rs.getInt("review_days"),
				rs.getInt("escalation_days"), PlanStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				instant(rs, "created_at"), instant(rs, "published_at"));
	}

}
