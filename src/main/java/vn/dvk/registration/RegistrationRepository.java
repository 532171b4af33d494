package vn.dvk.registration;

import static vn.dvk.shared.JdbcValues.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code registration}, {@code registration_history} and {@code attachment}.
 * Callers provide the transaction.
 */
@Repository
class RegistrationRepository {

	private static final String COLUMNS = "code, plan_code, unit_code, kind, field, continuing, "
			+ "previous_registration_code, name, situation, objectives, approach, beneficiaries, implementers, "
			+ "resources, timeframe, outputs, sustainability, status, created_by, created_at, updated_at, submitted_at";

	private static final String ATTACHMENT_COLUMNS = "id, registration_code, file_name, content_type, size_bytes, "
			+ "sha256, uploaded_by, uploaded_at";

	private final JdbcClient jdbc;

	RegistrationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code DK-<year>-<6-digit sequence>}. */
	String nextCode(int year) {
		long next = jdbc.sql("select nextval('registration_code_seq')").query(Long.class).single();
		return "DK-%d-%06d".formatted(year, next);
	}

	/**
	 * Inserts a registration. With an idempotency key, a concurrent or earlier row of the same
	 * user and key wins: nothing is inserted and false is returned (the unique index decides,
	 * waiting for a concurrent transaction to finish).
	 */
	boolean insert(Registration r, String idempotencyKey, String idempotencyHash) {
		RegistrationItems i = r.items();
		int rows = jdbc.sql("insert into registration (" + COLUMNS + ", idempotency_key, idempotency_hash) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
				+ "on conflict (created_by, idempotency_key) where idempotency_key is not null do nothing")
			.params(r.code(), r.planCode(), r.unitCode(), r.kind().name(), r.field(), r.continuing(),
					r.previousRegistrationCode(), i.name(), i.situation(), i.objectives(), i.approach(),
					i.beneficiaries(), i.implementers(), i.resources(), i.timeframe(), i.outputs(),
					i.sustainability(), r.status().name(), r.createdBy(), ts(r.createdAt()), ts(r.updatedAt()),
					ts(r.submittedAt()), idempotencyKey, idempotencyHash)
			.update();
		return rows == 1;
	}

	Optional<Registration> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from registration where code = ?")
			.param(code)
			.query(RegistrationRepository::registration)
			.optional();
	}

	/** Reads and locks the row until the transaction ends (serialises edits of one registration). */
	Optional<Registration> findForUpdate(String code) {
		return jdbc.sql("select " + COLUMNS + " from registration where code = ? for update")
			.param(code)
			.query(RegistrationRepository::registration)
			.optional();
	}

	Optional<IdempotentRegistration> findByIdempotencyKey(String createdBy, String idempotencyKey) {
		return jdbc.sql("select " + COLUMNS + ", idempotency_hash from registration "
				+ "where created_by = ? and idempotency_key = ?")
			.params(createdBy, idempotencyKey)
			.query((rs, n) -> new IdempotentRegistration(registration(rs, n), rs.getString("idempotency_hash")))
			.optional();
	}

	boolean existsForUnit(String code, String unitCode) {
		return jdbc.sql("select count(*) from registration where code = ? and unit_code = ?")
			.params(code, unitCode)
			.query(Long.class)
			.single() > 0;
	}

	/** Updates what a unit may revise: kind, field, new/continuing (with the earlier registration), the ten items. */
	void updateContent(String code, RegistrationKind kind, String field, boolean continuing, String previous,
			RegistrationItems i, Instant now) {
		jdbc.sql("update registration set kind = ?, field = ?, continuing = ?, previous_registration_code = ?, "
				+ "name = ?, situation = ?, objectives = ?, approach = ?, "
				+ "beneficiaries = ?, implementers = ?, resources = ?, timeframe = ?, outputs = ?, sustainability = ?, "
				+ "updated_at = ?, version = version + 1 where code = ?")
			.params(kind.name(), field, continuing, previous, i.name(), i.situation(), i.objectives(), i.approach(), i.beneficiaries(),
					i.implementers(), i.resources(), i.timeframe(), i.outputs(), i.sustainability(), ts(now), code)
			.update();
	}

	/** Marks the registrations as put before the recognition council (for good); returns how many were not yet. */
	int putBeforeCouncil(Collection<String> codes) {
		if (codes.isEmpty()) {
			return 0;
		}
		return jdbc.sql("update registration set council_agenda = true where code = any(?) and not council_agenda")
			.param(codes.toArray(String[]::new))
			.update();
	}

	/** Whether the registration has been put before the recognition council. */
	boolean onCouncilAgenda(String code) {
		return jdbc.sql("select council_agenda from registration where code = ?")
			.param(code)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/** Sets the status; SUBMITTED also stamps submitted_at. Returns false when the code is unknown. */
	boolean updateStatus(String code, RegistrationStatus status, Instant now) {
		return jdbc.sql("update registration set status = ?, updated_at = ?, version = version + 1, "
				+ "submitted_at = case when ? then ? else submitted_at end where code = ?")
			.params(status.name(), ts(now), status == RegistrationStatus.SUBMITTED, ts(now), code)
			.update() == 1;
	}

	void appendHistory(String code, RegistrationStatus status, String action, String reviewUnitCode, String actor,
			String comment, Instant occurredAt) {
		jdbc.sql("insert into registration_history (registration_code, status, action, review_unit_code, actor, "
				+ "comment, occurred_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(code, status.name(), action, reviewUnitCode, actor, comment, ts(occurredAt))
			.update();
	}

	List<HistoryEntry> history(String code) {
		return jdbc.sql("select status, action, review_unit_code, actor, comment, occurred_at "
				+ "from registration_history where registration_code = ? order by occurred_at, id")
			.param(code)
			.query((rs, n) -> new HistoryEntry(RegistrationStatus.valueOf(rs.getString("status")),
					rs.getString("action"), rs.getString("review_unit_code"), rs.getString("actor"),
					rs.getString("comment"), instant(rs, "occurred_at")))
			.list();
	}

	/**
	 * One page, newest first. {@code visibleUnitCodes} null means no restriction; the unit
	 * restriction is an indexed {@code unit_code = any(?)}. A council member's view (their units
	 * or the council's agenda) is asked as two ordered legs, each on its own index, merged: an
	 * {@code or} of the two would read the whole table once the agenda holds a large share of it.
	 */
	List<Registration> search(Criteria criteria, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String order = " order by created_at desc, code desc";
		String sql;
		if (councilView(criteria)) {
			String select = "select " + COLUMNS + " from registration";
			String agenda = select + where(criteria, "council_agenda", null, params) + order + " limit ?";
			params.add(offset + limit);
			String own = select + where(criteria, "unit_code = any(?) and not council_agenda", units(criteria), params)
					+ order + " limit ?";
			params.add(offset + limit);
			sql = "select * from ((" + agenda + ") union all (" + own + ")) r" + order + " limit ? offset ?";
		}
		else {
			sql = "select " + COLUMNS + " from registration" + where(criteria, params) + order + " limit ? offset ?";
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql(sql).params(params).query(RegistrationRepository::registration).list();
	}

	long count(Criteria criteria) {
		List<Object> params = new ArrayList<>();
		if (councilView(criteria)) {
			String sql = "select (select count(*) from registration" + where(criteria, "council_agenda", null, params)
					+ ") + (select count(*) from registration"
					+ where(criteria, "unit_code = any(?) and not council_agenda", units(criteria), params) + ")";
			return jdbc.sql(sql).params(params).query(Long.class).single();
		}
		String where = where(criteria, params);
		return jdbc.sql("select count(*) from registration" + where).params(params).query(Long.class).single();
	}

	private static boolean councilView(Criteria criteria) {
		return criteria.visibleUnitCodes() != null && criteria.councilAgenda();
	}

	private static String[] units(Criteria criteria) {
		return criteria.visibleUnitCodes().toArray(String[]::new);
	}

	private static String where(Criteria criteria, List<Object> params) {
		if (criteria.visibleUnitCodes() == null) {
			return where(criteria, null, null, params);
		}
		return where(criteria, "unit_code = any(?)", units(criteria), params);
	}

	/** The filters of the criteria after a visibility condition (with its one parameter, or none). */
	private static String where(Criteria criteria, String visibility, Object visibilityParam, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (visibility != null) {
			conditions.add(visibility);
			if (visibilityParam != null) {
				params.add(visibilityParam);
			}
		}
		if (criteria.planCode() != null) {
			conditions.add("plan_code = ?");
			params.add(criteria.planCode());
		}
		if (criteria.unitCode() != null) {
			conditions.add("unit_code = ?");
			params.add(criteria.unitCode());
		}
		if (criteria.status() != null) {
			conditions.add("status = ?");
			params.add(criteria.status().name());
		}
		if (criteria.field() != null) {
			conditions.add("field = ?");
			params.add(criteria.field());
		}
		if (criteria.reportOverdue() != null) {
			conditions.add("result_report_overdue = ?");
			params.add(criteria.reportOverdue());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	Set<String> registeredUnitCodes(String planCode) {
		return jdbc.sql("select distinct unit_code from registration where plan_code = ? and status <> 'DRAFT'")
			.param(planCode)
			.query(String.class)
			.stream()
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Registrations sent (not DRAFT) per plan and field; an index-only scan (V9). */
	List<SentCount> sentCounts() {
		return jdbc.sql("select plan_code, field, count(*) as sent from registration where status <> 'DRAFT' "
				+ "group by plan_code, field order by plan_code, field")
			.query((rs, n) -> new SentCount(rs.getString("plan_code"), rs.getString("field"), rs.getLong("sent")))
			.list();
	}

	/** Registrations of a plan counted per unit and status (one grouped query on the plan's index). */
	List<UnitStatusCount> countByUnitAndStatus(String planCode) {
		return jdbc.sql("select unit_code, status, count(*) as n from registration where plan_code = ? "
				+ "group by unit_code, status order by unit_code, status")
			.param(planCode)
			.query((rs, n) -> new UnitStatusCount(rs.getString("unit_code"),
					RegistrationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
	}

	/** Registrations of a plan counted by unit, field and status (an index-only scan of the plan's rows). */
	List<RegistrationCount> counts(String planCode) {
		return jdbc.sql("select unit_code, field, status, count(*) as n from registration where plan_code = ? "
				+ "group by unit_code, field, status")
			.param(planCode)
			.query((rs, n) -> new RegistrationCount(rs.getString("unit_code"), rs.getString("field"),
					RegistrationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
	}

	/** Registrations of a plan in a status (and field), oldest submission first. */
	List<Registration> inStatus(String planCode, RegistrationStatus status, String field) {
		return jdbc.sql("select " + COLUMNS + " from registration where plan_code = ? and status = ? "
				+ "and (cast(? as varchar) is null or field = ?) order by submitted_at nulls last, code")
			.params(planCode, status.name(), field, field)
			.query(RegistrationRepository::registration)
			.list();
	}

	/** Flags the registration as late with its result report; false if it already was. */
	boolean markReportOverdue(String code) {
		return jdbc.sql("update registration set result_report_overdue = true, version = version + 1 "
				+ "where code = ? and not result_report_overdue")
			.param(code)
			.update() == 1;
	}

	/** The codes among the given ones that are flagged late with their result report. */
	Set<String> reportOverdueAmong(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return jdbc.sql("select code from registration where code = any(?) and result_report_overdue")
			.param(codes.toArray(String[]::new))
			.query(String.class)
			.stream()
			.collect(Collectors.toUnmodifiableSet());
	}

	/** Stores the report and clears the overdue flag (the history keeps REPORT_OVERDUE). */
	void insertResultReport(ResultReport report, String selfEvaluationJson, String attachmentIdsJson) {
		jdbc.sql("insert into result_report (registration_code, results, outputs, self_evaluation, attachment_ids, "
				+ "filed_by, filed_at) values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)")
			.params(report.registrationCode(), report.results(), report.outputs(), selfEvaluationJson,
					attachmentIdsJson, report.filedBy(), ts(report.filedAt()))
			.update();
		jdbc.sql("update registration set result_report_overdue = false where code = ?")
			.param(report.registrationCode())
			.update();
	}

	/** The stored report with its JSON columns as text (parsed by the service). */
	Optional<StoredResultReport> findResultReport(String code) {
		return jdbc.sql("select registration_code, results, outputs, self_evaluation, attachment_ids, filed_by, "
				+ "filed_at from result_report where registration_code = ?")
			.param(code)
			.query((rs, n) -> new StoredResultReport(rs.getString("registration_code"), rs.getString("results"),
					rs.getString("outputs"), rs.getString("self_evaluation"), rs.getString("attachment_ids"),
					rs.getString("filed_by"), instant(rs, "filed_at")))
			.optional();
	}

	int countAttachments(String code) {
		return jdbc.sql("select count(*) from attachment where registration_code = ?")
			.param(code)
			.query(Integer.class)
			.single();
	}

	AttachmentInfo insertAttachment(String code, String fileName, String contentType, byte[] content, String sha256,
			String uploadedBy, Instant uploadedAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into attachment (registration_code, file_name, content_type, size_bytes, sha256, content, "
				+ "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(code, fileName, contentType, content.length, sha256, content, uploadedBy, ts(uploadedAt))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		return new AttachmentInfo(id, code, fileName, contentType, content.length, sha256, uploadedBy, uploadedAt);
	}

	List<AttachmentInfo> attachments(String code) {
		return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from attachment where registration_code = ? order by id")
			.param(code)
			.query(RegistrationRepository::attachment)
			.list();
	}

	Optional<AttachmentContent> attachmentContent(String code, long id) {
		return jdbc.sql("select " + ATTACHMENT_COLUMNS + ", content from attachment "
				+ "where id = ? and registration_code = ?")
			.params(id, code)
			.query((rs, n) -> new AttachmentContent(attachment(rs, n), rs.getBytes("content")))
			.optional();
	}

	private static Registration registration(ResultSet rs, int rowNum) throws SQLException {
		RegistrationItems items = new RegistrationItems(rs.getString("name"), rs.getString("situation"),
				rs.getString("objectives"), rs.getString("approach"), rs.getString("beneficiaries"),
				rs.getString("implementers"), rs.getString("resources"), rs.getString("timeframe"),
				rs.getString("outputs"), rs.getString("sustainability"));
		return new Registration(rs.getString("code"), rs.getString("plan_code"), rs.getString("unit_code"),
				RegistrationKind.valueOf(rs.getString("kind")), rs.getString("field"), rs.getBoolean("continuing"),
				rs.getString("previous_registration_code"), items, RegistrationStatus.valueOf(rs.getString("status")),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
				instant(rs, "submitted_at"));
	}

	private static AttachmentInfo attachment(ResultSet rs, int rowNum) throws SQLException {
		return new AttachmentInfo(rs.getLong("id"), rs.getString("registration_code"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getString("uploaded_by"), instant(rs, "uploaded_at"));
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** A row of result_report, JSON columns as text. */
	record StoredResultReport(String registrationCode, String results, String outputs, String selfEvaluation,
			String attachmentIds, String filedBy, Instant filedAt) {
	}

	/** A registration created with an idempotency key, with the fingerprint of that request. */
	record IdempotentRegistration(Registration registration, String requestHash) {
	}

	/**
	 * Search criteria after access checks. {@code visibleUnitCodes} null: no restriction; else the
	 * rows of those units and, with {@code councilAgenda}, every registration put before the council.
	 */
	record Criteria(Collection<String> visibleUnitCodes, boolean councilAgenda, String planCode, String unitCode,
			RegistrationStatus status, String field, Boolean reportOverdue) {
	}

}
