package vn.dvk.award;

import static vn.dvk.shared.JdbcValues.instant;
import static vn.dvk.shared.JdbcValues.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dvk.plan.RecipientKind;

/** The {@code award_nomination}, {@code award_nomination_history} and {@code award_document} tables. */
@Repository
class NominationRepository {

	/** Advisory lock namespaces (first key of the two-key form): code numbering, quota of a plan + type. */
	private static final int CODE_LOCK = 0x4B54_0001;

	private static final int QUOTA_LOCK = 0x4B54_0002;

	private static final String COLUMNS = """
			code, plan_code, award_type, award_name, award_authority, external, recipient_kind, registration_code,
			person_name, person_position, recipient_name, unit_code, achievement, status, nominated_by, nominated_at,
			decision_number, decision_date, decision_authority, decision_file_name, decision_file_type, decided_by,
			decided_at, revoked_reason, revoked_legal_basis, revoked_by, revoked_at""";

	private final JdbcClient jdbc;

	NominationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Serialises nominations of one award type in one plan (quota, duplicates); released at commit. */
	void lockQuota(String planCode, String awardType) {
		jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
			.params(QUOTA_LOCK, planCode + "|" + awardType)
			.query((rs, i) -> 1)
			.single();
	}

	/** Serialises code allocation of one year; released at commit. */
	void lockCodesOf(int year) {
		jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(CODE_LOCK, year).query((rs, i) -> 1).single();
	}

	/** The highest sequence number among codes {@code KT-<year>-NNNN}, 0 if none. */
	int highestSequenceOf(int year) {
		return jdbc.sql("""
				select coalesce(max(cast(substring(code from 9) as integer)), 0) from award_nomination
				where code ~ ('^KT-' || ? || '-[0-9]{4,}$')""")
			.param(String.valueOf(year))
			.query(Integer.class)
			.single();
	}

	/** Nominations of a type in a plan that hold a slot of the quota (not DECLINED, not REVOKED). */
	int countHoldingSlots(String planCode, String awardType) {
		return jdbc.sql("""
				select count(*) from award_nomination
				where plan_code = ? and award_type = ? and status not in ('DECLINED', 'REVOKED')""")
			.params(planCode, awardType)
			.query(Integer.class)
			.single();
	}

	/** An earlier nomination of the same achievement for the same award that was not declined. */
	Optional<Nomination> findSameAchievement(String planCode, String awardType, String achievementKey) {
		return jdbc.sql("select " + COLUMNS + " from award_nomination where plan_code = ? and award_type = ?"
				+ " and achievement_key = ? and status <> 'DECLINED' order by nominated_at limit 1")
			.params(planCode, awardType, achievementKey)
			.query(this::nomination)
			.optional();
	}

	void insert(Nomination n, String achievementKey) {
		jdbc.sql("""
				insert into award_nomination (code, plan_code, award_type, award_name, award_authority, external,
				recipient_kind, registration_code, person_name, person_position, recipient_name, unit_code,
				achievement, achievement_key, status, nominated_by, nominated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(n.code(), n.planCode(), n.awardType(), n.awardName(), n.awardAuthority(), n.external(),
					n.recipientKind().name(), n.registrationCode(), n.personName(), n.personPosition(),
					n.recipientName(), n.unitCode(), n.achievement(), achievementKey, n.status().name(),
					n.nominatedBy(), timestamp(n.nominatedAt()))
			.update();
	}

	Optional<Nomination> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from award_nomination where code = ?")
			.param(code)
			.query(this::nomination)
			.optional();
	}

	Optional<Nomination> findForUpdate(String code) {
		return jdbc.sql("select " + COLUMNS + " from award_nomination where code = ? for update")
			.param(code)
			.query(this::nomination)
			.optional();
	}

	/** Newest first; null filters are ignored. */
	List<Nomination> search(String planCode, NominationStatus status) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from award_nomination where true");
		List<Object> params = new ArrayList<>();
		if (planCode != null) {
			sql.append(" and plan_code = ?");
			params.add(planCode);
		}
		if (status != null) {
			sql.append(" and status = ?");
			params.add(status.name());
		}
		sql.append(" order by nominated_at desc, code desc limit 1000");
		return jdbc.sql(sql.toString()).params(params).query(this::nomination).list();
	}

	void updateStatus(String code, NominationStatus status) {
		jdbc.sql("update award_nomination set status = ?, version = version + 1 where code = ?")
			.params(status.name(), code)
			.update();
	}

	void updateAchievement(String code, String achievement) {
		jdbc.sql("update award_nomination set achievement = ?, version = version + 1 where code = ?")
			.params(achievement, code)
			.update();
	}

	/** Writes the decision's text; the scanned file only when one is given (a Tasklist entry keeps it). */
	void updateDecision(String code, String number, LocalDate date, String authority, String fileName,
			String fileType, byte[] file, String decidedBy, Instant decidedAt) {
		jdbc.sql("""
				update award_nomination set decision_number = ?, decision_date = ?, decision_authority = ?,
				decision_file_name = coalesce(?, decision_file_name), decision_file_type = coalesce(?, decision_file_type),
				decision_file = coalesce(?, decision_file), decided_by = ?, decided_at = ?, version = version + 1
				where code = ?""")
			.params(number, date, authority, fileName, fileType, file, decidedBy, timestamp(decidedAt), code)
			.update();
	}

	void revoke(String code, Revocation revocation) {
		jdbc.sql("""
				update award_nomination set status = 'REVOKED', revoked_reason = ?, revoked_legal_basis = ?,
				revoked_by = ?, revoked_at = ?, version = version + 1 where code = ?""")
			.params(revocation.reason(), revocation.legalBasis(), revocation.revokedBy(),
					timestamp(revocation.revokedAt()), code)
			.update();
	}

	Optional<byte[]> decisionFile(String code) {
		return jdbc.sql("select decision_file from award_nomination where code = ? and decision_file is not null")
			.param(code)
			.query((rs, i) -> rs.getBytes(1))
			.optional();
	}

	void appendHistory(String code, NominationHistoryEntry entry) {
		jdbc.sql("""
				insert into award_nomination_history (nomination_code, status, action, actor, comment, occurred_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(code, entry.status().name(), entry.action(), entry.actor(), entry.comment(),
					timestamp(entry.occurredAt()))
			.update();
	}

	/** Oldest first. */
	List<NominationHistoryEntry> history(String code) {
		return jdbc.sql("""
				select status, action, actor, comment, occurred_at from award_nomination_history
				where nomination_code = ? order by occurred_at, id""")
			.param(code)
			.query((rs, i) -> new NominationHistoryEntry(NominationStatus.valueOf(rs.getString("status")),
					rs.getString("action"), rs.getString("actor"), rs.getString("comment"), instant(rs, "occurred_at")))
			.list();
	}

	/** Stores a document, replacing one of the same name (a dossier prepared again). */
	void saveDocument(String code, String name, String title, byte[] content, Instant createdAt) {
		jdbc.sql("""
				insert into award_document (nomination_code, name, title, content_type, content, created_at)
				values (?, ?, ?, 'application/pdf', ?, ?)
				on conflict (nomination_code, name) do update set title = excluded.title,
				content = excluded.content, created_at = excluded.created_at""")
			.params(code, name, title, content, timestamp(createdAt))
			.update();
	}

	/** The documents of every nomination of a plan (without their content), by nomination. */
	List<AwardDocumentInfo> documentsOfPlan(String planCode) {
		return jdbc.sql("""
				select d.nomination_code, d.name, d.title, octet_length(d.content) as size, d.created_at
				from award_document d join award_nomination n on n.code = d.nomination_code
				where n.plan_code = ? order by d.nomination_code, d.id""")
			.param(planCode)
			.query((rs, i) -> new AwardDocumentInfo(rs.getString("nomination_code"), rs.getString("name"),
					rs.getString("title"), rs.getLong("size"), instant(rs, "created_at")))
			.list();
	}

	List<AwardDocumentInfo> documents(String code) {
		return jdbc.sql("""
				select nomination_code, name, title, octet_length(content) as size, created_at from award_document
				where nomination_code = ? order by id""")
			.param(code)
			.query((rs, i) -> new AwardDocumentInfo(rs.getString("nomination_code"), rs.getString("name"),
					rs.getString("title"), rs.getLong("size"), instant(rs, "created_at")))
			.list();
	}

	Optional<byte[]> documentContent(String code, String name) {
		return jdbc.sql("select content from award_document where nomination_code = ? and name = ?")
			.params(code, name)
			.query((rs, i) -> rs.getBytes(1))
			.optional();
	}

	/** Awards in force of a plan: AWARDED, by type (with its name) and recipient kind. */
	List<AwardCount> countsInForce(String planCode) {
		return jdbc.sql("""
				select award_type, min(award_name) as award_name, recipient_kind, count(*) as n
				from award_nomination where plan_code = ? and status = 'AWARDED'
				group by award_type, recipient_kind order by award_type, recipient_kind""")
			.param(planCode)
			.query((rs, i) -> new AwardCount(rs.getString("award_type"), rs.getString("award_name"),
					rs.getString("recipient_kind"), rs.getLong("n")))
			.list();
	}

	private Nomination nomination(ResultSet rs, int row) throws SQLException {
		AuthorityDecision decision = rs.getString("decision_number") == null ? null
				: new AuthorityDecision(rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class),
						rs.getString("decision_authority"), rs.getString("decision_file_name"),
						rs.getString("decision_file_type"), rs.getString("decided_by"), instant(rs, "decided_at"));
		Revocation revocation = rs.getString("revoked_reason") == null ? null
				: new Revocation(rs.getString("revoked_reason"), rs.getString("revoked_legal_basis"),
						rs.getString("revoked_by"), instant(rs, "revoked_at"));
		return new Nomination(rs.getString("code"), rs.getString("plan_code"), rs.getString("award_type"),
				rs.getString("award_name"), rs.getString("award_authority"), rs.getBoolean("external"),
				RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("registration_code"),
				rs.getString("person_name"), rs.getString("person_position"), rs.getString("recipient_name"),
				rs.getString("unit_code"), rs.getString("achievement"), NominationStatus.valueOf(rs.getString("status")),
				rs.getString("nominated_by"), instant(rs, "nominated_at"), decision, revocation);
	}

}
