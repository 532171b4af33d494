package vn.dvk.recognition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The recognition module's tables (V7__recognition_sessions.sql). */
@Repository
class RecognitionRepository {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<CriterionMark>> MARKS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	RecognitionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next value of a counter (1 for a new one); atomic under concurrency. */
	int next(String counterKey) {
		return jdbc.sql("""
				insert into recognition_counter(counter_key, last_value) values (:key, 1)
				on conflict (counter_key) do update set last_value = recognition_counter.last_value + 1
				returning last_value""").param("key", counterKey).query(Integer.class).single();
	}

	void insertSession(RecognitionSession s) {
		jdbc.sql("""
				insert into recognition_session(session_key, plan_code, session_no, field, status, created_by, created_at)
				values (:key, :plan, :no, :field, :status, :by, :at)""")
			.param("key", s.key())
			.param("plan", s.planCode())
			.param("no", s.sessionNo())
			.param("field", s.field())
			.param("status", s.status())
			.param("by", s.createdBy())
			.param("at", Timestamp.from(s.createdAt()))
			.update();
	}

	void insertItem(SessionItem i) {
		jdbc.sql("""
				insert into recognition_session_item(session_key, registration_code, position, name, unit_code, field, kind)
				values (:key, :code, :pos, :name, :unit, :field, :kind)""")
			.param("key", i.sessionKey())
			.param("code", i.registrationCode())
			.param("pos", i.position())
			.param("name", i.name())
			.param("unit", i.unitCode())
			.param("field", i.field())
			.param("kind", i.kind())
			.update();
	}

	Optional<RecognitionSession> session(String key) {
		return jdbc.sql("select * from recognition_session where session_key = :key")
			.param("key", key)
			.query(RecognitionRepository::session)
			.optional();
	}

	/** Registrations of the given codes already on a session that is not decided. */
	List<String> onOpenSession(List<String> registrationCodes) {
		return jdbc.sql("""
				select i.registration_code from recognition_session_item i
				join recognition_session s on s.session_key = i.session_key
				where s.status <> 'DECIDED' and i.registration_code in (:codes)""")
			.param("codes", registrationCodes)
			.query(String.class)
			.list();
	}

	void updateStatus(String key, String status) {
		jdbc.sql("update recognition_session set status = :status where session_key = :key")
			.param("status", status)
			.param("key", key)
			.update();
	}

	void decided(String key, String comment, String confirmedBy, Instant at) {
		jdbc.sql("""
				update recognition_session set status = 'DECIDED', comment = :comment, confirmed_by = :by, decided_at = :at
				where session_key = :key""")
			.param("comment", comment)
			.param("by", confirmedBy)
			.param("at", Timestamp.from(at))
			.param("key", key)
			.update();
	}

	List<SessionItem> items(String key) {
		return jdbc.sql("select * from recognition_session_item where session_key = :key order by position")
			.param("key", key)
			.query(RecognitionRepository::item)
			.list();
	}

	void propose(String key, ItemScore score, String proposedOutcome) {
		jdbc.sql("""
				update recognition_session_item set score = :score, required_met = :met, proposed_outcome = :outcome
				where session_key = :key and registration_code = :code""")
			.param("score", score.score())
			.param("met", score.requiredMet())
			.param("outcome", proposedOutcome)
			.param("key", key)
			.param("code", score.registrationCode())
			.update();
	}

	void finalOutcome(String key, String code, RecognitionOutcome outcome) {
		jdbc.sql("""
				update recognition_session_item set final_outcome = :outcome
				where session_key = :key and registration_code = :code""")
			.param("outcome", outcome.name())
			.param("key", key)
			.param("code", code)
			.update();
	}

	void upsertAssessment(Assessment a) {
		jdbc.sql("""
				insert into recognition_assessment(session_key, registration_code, member_id, criteria, comment, assessed_at)
				values (:key, :code, :member, cast(:criteria as jsonb), :comment, :at)
				on conflict (session_key, registration_code, member_id)
				do update set criteria = excluded.criteria, comment = excluded.comment, assessed_at = excluded.assessed_at""")
			.param("key", a.sessionKey())
			.param("code", a.registrationCode())
			.param("member", a.memberId())
			.param("criteria", json(a.criteria()))
			.param("comment", a.comment())
			.param("at", Timestamp.from(a.assessedAt()))
			.update();
	}

	List<Assessment> assessments(String key) {
		return jdbc.sql("select * from recognition_assessment where session_key = :key order by registration_code, member_id")
			.param("key", key)
			.query((rs, n) -> new Assessment(rs.getString("session_key"), rs.getString("registration_code"),
					rs.getString("member_id"), marks(rs.getString("criteria")), rs.getString("comment"),
					rs.getTimestamp("assessed_at").toInstant()))
			.list();
	}

	/** Records a recusal once (a second time changes nothing). */
	void insertRecusal(Recusal r) {
		jdbc.sql("""
				insert into recognition_recusal(session_key, registration_code, member_id, unit_code, recorded_at)
				values (:key, :code, :member, :unit, :at) on conflict do nothing""")
			.param("key", r.sessionKey())
			.param("code", r.registrationCode())
			.param("member", r.memberId())
			.param("unit", r.unitCode())
			.param("at", Timestamp.from(r.recordedAt()))
			.update();
	}

	List<Recusal> recusals(String key) {
		return jdbc.sql("select * from recognition_recusal where session_key = :key order by registration_code, member_id")
			.param("key", key)
			.query((rs, n) -> new Recusal(rs.getString("session_key"), rs.getString("registration_code"),
					rs.getString("member_id"), rs.getString("unit_code"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	RecognitionDecision insertDecision(String key, int year, int sequence, LocalDate date, String signedBy, byte[] pdf,
			Instant at) {
		String number = sequence + RecognitionDecision.NUMBER_SUFFIX;
		long id = jdbc.sql("""
				insert into recognition_decision(session_key, decision_year, decision_no, number, decision_date, signed_by, pdf, created_at)
				values (:key, :year, :no, :number, :date, :by, :pdf, :at) returning id""")
			.param("key", key)
			.param("year", year)
			.param("no", sequence)
			.param("number", number)
			.param("date", date)
			.param("by", signedBy)
			.param("pdf", pdf)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
		return new RecognitionDecision(id, key, year, sequence, number, date, signedBy, at);
	}

	/** The plan's sessions, in their order. */
	List<RecognitionSession> sessionsOfPlan(String planCode) {
		return jdbc.sql("select * from recognition_session where plan_code = :plan order by session_no")
			.param("plan", planCode)
			.query(RecognitionRepository::session)
			.list();
	}

	/** The decisions of the plan's sessions (without their PDF). */
	List<RecognitionDecision> decisionsOfPlan(String planCode) {
		return jdbc.sql("""
				select d.id, d.session_key, d.decision_year, d.decision_no, d.number, d.decision_date, d.signed_by,
				d.created_at from recognition_decision d
				join recognition_session s on s.session_key = d.session_key
				where s.plan_code = :plan order by s.session_no""")
			.param("plan", planCode)
			.query(RecognitionRepository::decision)
			.list();
	}

	Optional<RecognitionDecision> decisionOfSession(String key) {
		return jdbc.sql("select * from recognition_decision where session_key = :key")
			.param("key", key)
			.query(RecognitionRepository::decision)
			.optional();
	}

	Optional<byte[]> decisionPdf(long id) {
		return jdbc.sql("select pdf from recognition_decision where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** The decided models of the given units, newest decision first. */
	List<UnitRecognition> decidedOfUnits(Set<String> unitCodes) {
		if (unitCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select i.registration_code, i.name, i.unit_code, s.plan_code, i.field, i.final_outcome,
				       d.id, d.number, d.decision_date
				from recognition_session_item i
				join recognition_session s on s.session_key = i.session_key
				join recognition_decision d on d.session_key = i.session_key
				where i.unit_code in (:units) and i.final_outcome is not null
				order by d.decision_date desc, d.id desc, i.position""")
			.param("units", unitCodes)
			.query((rs, n) -> new UnitRecognition(rs.getString("registration_code"), rs.getString("name"),
					rs.getString("unit_code"), rs.getString("plan_code"), rs.getString("field"),
					RecognitionOutcome.valueOf(rs.getString("final_outcome")), rs.getLong("id"),
					rs.getString("number"), rs.getDate("decision_date").toLocalDate()))
			.list();
	}

	/** Whether the decision decided a model of one of the given units. */
	boolean decisionConcernsUnits(long id, Set<String> unitCodes) {
		if (unitCodes.isEmpty()) {
			return false;
		}
		return jdbc.sql("""
				select count(*) from recognition_decision d
				join recognition_session_item i on i.session_key = d.session_key
				where d.id = :id and i.unit_code in (:units)""")
			.param("id", id)
			.param("units", unitCodes)
			.query(Long.class)
			.single() > 0;
	}

	private static RecognitionSession session(ResultSet rs, int n) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new RecognitionSession(rs.getString("session_key"), rs.getString("plan_code"), rs.getInt("session_no"),
				rs.getString("field"), rs.getString("status"), rs.getString("comment"), rs.getString("confirmed_by"),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				decided == null ? null : decided.toInstant());
	}

	private static SessionItem item(ResultSet rs, int n) throws SQLException {
		double score = rs.getDouble("score");
		Double scoreValue = rs.wasNull() ? null : score;
		boolean met = rs.getBoolean("required_met");
		Boolean metValue = rs.wasNull() ? null : met;
		String outcome = rs.getString("final_outcome");
		return new SessionItem(rs.getString("session_key"), rs.getString("registration_code"), rs.getInt("position"),
				rs.getString("name"), rs.getString("unit_code"), rs.getString("field"), rs.getString("kind"), scoreValue,
				metValue, rs.getString("proposed_outcome"), outcome == null ? null : RecognitionOutcome.valueOf(outcome));
	}

	private static RecognitionDecision decision(ResultSet rs, int n) throws SQLException {
		return new RecognitionDecision(rs.getLong("id"), rs.getString("session_key"), rs.getInt("decision_year"),
				rs.getInt("decision_no"), rs.getString("number"), rs.getDate("decision_date").toLocalDate(),
				rs.getString("signed_by"), rs.getTimestamp("created_at").toInstant());
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<CriterionMark> marks(String json) {
		try {
			return JSON.readValue(json, MARKS);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
