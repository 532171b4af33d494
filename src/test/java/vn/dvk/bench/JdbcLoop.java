package vn.dvk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

/**
 * The database's own limit for DVK's transaction shape, with plain JDBC on the same server and
 * the same tables and indexes (schema {@code jdbcloop} of DVK's database, copied with
 * {@code LIKE ... INCLUDING ALL} and filled with DVK's rows, so at the same size): per
 * registration one transaction inserting the registration, its history entry and an outbox row
 * (the submission), then one per review level updating its status with a history entry and an
 * outbox row (the decisions); each commits on its own (fsync).
 */
final class JdbcLoop {

	private static final String MAIL_BODY = "<html><body>" + "Nội dung thư thông báo của hệ thống DVK. ".repeat(150)
			+ "</body></html>";

	private final DataSource db;

	JdbcLoop(DataSource db) {
		this.db = db;
	}

	/** (Re)creates the copies of DVK's three tables and fills them with DVK's rows now. */
	void prepare() throws SQLException {
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			s.execute("drop schema if exists jdbcloop cascade");
			s.execute("create schema jdbcloop");
			s.execute("create table jdbcloop.registration (like public.registration including all)");
			s.execute("alter table jdbcloop.registration add foreign key (plan_code) references public.plan(code)");
			s.execute("create table jdbcloop.registration_history (like public.registration_history including all)");
			s.execute("alter table jdbcloop.registration_history add foreign key (registration_code) "
					+ "references jdbcloop.registration(code)");
			s.execute("create table jdbcloop.mail_outbox (like public.mail_outbox including all)");
			s.execute("create sequence jdbcloop.code_seq");
			s.execute("insert into jdbcloop.registration select * from public.registration");
			s.execute("insert into jdbcloop.registration_history select * from public.registration_history");
			s.execute("insert into jdbcloop.mail_outbox select * from public.mail_outbox");
			s.execute("analyze jdbcloop.registration");
			s.execute("analyze jdbcloop.registration_history");
			s.execute("analyze jdbcloop.mail_outbox");
		}
	}

	/** Registrations through their submission and every review level; {@code submit} times the first transaction. */
	DvkRush.Result rush(String marker, String planCode, int count, SeasonUnits units, int clients) throws Exception {
		Latencies submit = new Latencies();
		Latencies review = new Latencies();
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long started = System.nanoTime();
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < clients; t++) {
				work.add(pool.submit(() -> {
					try (Connection c = db.getConnection()) {
						c.setAutoCommit(false);
						for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
							SeasonUnits.Unit unit = units.unit(i);
							int index = i;
							String code = submit.time(() -> submitted(c, marker, planCode, unit, index));
							for (String reviewer : unit.reviewers()) {
								review.time(() -> {
									decided(c, code, reviewer);
									return null;
								});
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> f : work) {
				f.get(2, TimeUnit.HOURS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new DvkRush.Result(count, (System.nanoTime() - started) / 1e9, submit, new Latencies(), new Latencies(),
				review, List.of(), 0);
	}

	private static String submitted(Connection c, String marker, String planCode, SeasonUnits.Unit unit, int index)
			throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		String code;
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('jdbcloop.code_seq')")) {
			rs.next();
			code = "JDBC-" + rs.getLong(1);
		}
		var body = SeasonUnits.registrationBody(planCode, DvkRush.rushName(marker, index), index);
		try (PreparedStatement p = c.prepareStatement("insert into jdbcloop.registration (code, plan_code, unit_code, "
				+ "kind, field, continuing, name, situation, objectives, approach, beneficiaries, implementers, resources, "
				+ "timeframe, outputs, sustainability, status, idempotency_key, created_by, created_at, updated_at, "
				+ "submitted_at) values (?, ?, ?, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?)")) {
			int i = 1;
			p.setString(i++, code);
			p.setString(i++, planCode);
			p.setString(i++, unit.code());
			for (String key : List.of("kind", "field", "name", "situation", "objectives", "approach", "beneficiaries",
					"implementers", "resources", "timeframe", "outputs", "sustainability")) {
				p.setString(i++, (String) body.get(key));
			}
			p.setString(i++, "jdbc-" + marker + "-" + index);
			p.setString(i++, unit.head());
			p.setTimestamp(i++, now);
			p.setTimestamp(i++, now);
			p.setTimestamp(i++, now);
			p.executeUpdate();
		}
		history(c, code, "SUBMITTED", "SUBMITTED", null, unit.head(), now);
		outbox(c, code + "|received", now);
		c.commit();
		return code;
	}

	private static void decided(Connection c, String code, String reviewer) throws SQLException {
		Timestamp now = Timestamp.from(Instant.now());
		try (PreparedStatement p = c.prepareStatement(
				"update jdbcloop.registration set status = 'IN_REVIEW', updated_at = ?, version = version + 1 where code = ?")) {
			p.setTimestamp(1, now);
			p.setString(2, code);
			p.executeUpdate();
		}
		history(c, code, "IN_REVIEW", "APPROVED", reviewer.replace("reviewer-", ""), reviewer, now);
		outbox(c, code + "|" + reviewer, now);
		c.commit();
	}

	private static void history(Connection c, String code, String status, String action, String reviewUnit,
			String actor, Timestamp now) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("insert into jdbcloop.registration_history (registration_code, "
				+ "status, action, review_unit_code, actor, comment, occurred_at) values (?, ?, ?, ?, ?, null, ?)")) {
			p.setString(1, code);
			p.setString(2, status);
			p.setString(3, action);
			p.setString(4, reviewUnit);
			p.setString(5, actor);
			p.setTimestamp(6, now);
			p.executeUpdate();
		}
	}

	private static void outbox(Connection c, String key, Timestamp now) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("insert into jdbcloop.mail_outbox (dedup_key, template, recipients, "
				+ "subject, body_html, status, attempts, next_attempt_at, created_at) "
				+ "values (?, 'registration-received', '[\"unit@dvk.local\"]'::jsonb, 'Thông báo', ?, 'PENDING', 0, ?, ?)")) {
			p.setString(1, key);
			p.setString(2, MAIL_BODY);
			p.setTimestamp(3, now);
			p.setTimestamp(4, now);
			p.executeUpdate();
		}
	}

}
