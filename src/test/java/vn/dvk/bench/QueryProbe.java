package vn.dvk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Random;

import javax.sql.DataSource;

/**
 * The read requests people make all day, measured at rest on the state of the run (one client,
 * one request after the other, a few unmeasured first): each through DVK's HTTP API and, as the
 * baseline, the same answer read directly (the bare engine's task query on DVK's own database,
 * plain JDBC for DVK's tables).
 */
final class QueryProbe {

	record Pair(Latencies dvk, Latencies baseline) {

		static Pair create() {
			return new Pair(new Latencies(), new Latencies());
		}

	}

	record Results(Pair taskList, Pair unitList, Pair councilList, Pair page, Pair summary) {
	}

	private static final String PAGE_COLUMNS = "code, plan_code, unit_code, kind, field, continuing, "
			+ "previous_registration_code, name, situation, objectives, approach, beneficiaries, implementers, "
			+ "resources, timeframe, outputs, sustainability, status, created_by, created_at, updated_at, submitted_at";

	private final BenchHttp http;

	private final BareEngine bare;

	private final DataSource db;

	private final SeasonUnits units;

	private final int samples;

	QueryProbe(BenchHttp http, BareEngine bare, DataSource db, SeasonUnits units, int samples) {
		this.http = http;
		this.bare = bare;
		this.db = db;
		this.units = units;
		this.samples = samples;
	}

	/**
	 * @param codes registration codes of the rush (index i belongs to {@code units.unit(i)})
	 * @param summaryPlan the plan whose summary is read (the one with the most registrations)
	 */
	Results measure(List<String> codes, String summaryPlan) throws Exception {
		Random random = new Random(7);
		String reviewer = units.reviewers().get(units.reviewers().size() - 1);
		String group = reviewer.replace("reviewer-", "reviewers-");
		Pair taskList = Pair.create();
		repeat(taskList.dvk(), i -> http.get(reviewer, "/engine-rest/task?candidateUser=" + reviewer
				+ "&taskDefinitionKey=" + DvkRush.REVIEW_TASK + "&sortBy=created&sortOrder=desc&maxResults=50").expect(200));
		repeat(taskList.baseline(), i -> bare.taskPage(group));

		Pair unitList = Pair.create();
		repeat(unitList.dvk(), i -> http.get(units.unit(i).head(), "/api/registrations?page=0&size=20").expect(200));
		repeat(unitList.baseline(), i -> listPage(List.of(units.unit(i).code()), false));

		Pair councilList = Pair.create();
		repeat(councilList.dvk(), i -> http.get("council1", "/api/registrations?page=0&size=20").expect(200));
		repeat(councilList.baseline(), i -> listPage(List.of("mttq-tinh"), true));

		Pair page = Pair.create();
		repeat(page.dvk(), i -> {
			int at = random.nextInt(codes.size());
			return http.get(units.unit(at).head(), "/api/registrations/" + codes.get(at)).expect(200);
		});
		repeat(page.baseline(), i -> registrationPage(codes.get(random.nextInt(codes.size()))));

		Pair summary = Pair.create();
		repeat(summary.dvk(), i -> http.get("approver", "/api/reports/summary?plan=" + summaryPlan).expect(200));
		repeat(summary.baseline(), i -> summaryCounts(summaryPlan));
		return new Results(taskList, unitList, councilList, page, summary);
	}

	interface Call {

		Object run(int i) throws Exception;

	}

	private void repeat(Latencies into, Call call) throws Exception {
		for (int i = 0; i < 5; i++) {
			call.run(i);
		}
		for (int i = 0; i < samples; i++) {
			int n = i;
			into.time(() -> call.run(n));
		}
	}

	/**
	 * Count and first page, newest first, of the given units' registrations; for a council member
	 * also its agenda's, in the shape DVK asks it (RegistrationRepository): the agenda and the
	 * member's own units as two legs, each on its own index, merged in order and counted apart.
	 */
	private int listPage(List<String> unitCodes, boolean withAgenda) throws SQLException {
		String order = " order by created_at desc, code desc";
		String own = " from registration where unit_code = any(?)" + (withAgenda ? " and not council_agenda" : "");
		String count = withAgenda
				? "select (select count(*) from registration where council_agenda) + (select count(*)" + own + ")"
				: "select count(*)" + own;
		String page = withAgenda
				? "select * from ((select " + PAGE_COLUMNS + " from registration where council_agenda" + order
						+ " limit 20) union all (select " + PAGE_COLUMNS + own + order + " limit 20)) r" + order
						+ " limit 20 offset 0"
				: "select " + PAGE_COLUMNS + own + order + " limit 20 offset 0";
		int rows = 0;
		try (Connection c = db.getConnection()) {
			try (PreparedStatement p = c.prepareStatement(count)) {
				p.setArray(1, c.createArrayOf("varchar", unitCodes.toArray()));
				try (ResultSet rs = p.executeQuery()) {
					rs.next();
				}
			}
			try (PreparedStatement p = c.prepareStatement(page)) {
				p.setArray(1, c.createArrayOf("varchar", unitCodes.toArray()));
				rows += drain(p);
			}
		}
		return rows;
	}

	private int registrationPage(String code) throws SQLException {
		try (Connection c = db.getConnection()) {
			int rows = 0;
			for (String sql : List.of("select " + PAGE_COLUMNS + " from registration where code = ?",
					"select status, action, review_unit_code, actor, comment, occurred_at from registration_history "
							+ "where registration_code = ? order by occurred_at, id",
					"select id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at from attachment "
							+ "where registration_code = ? order by id")) {
				try (PreparedStatement p = c.prepareStatement(sql)) {
					p.setString(1, code);
					rows += drain(p);
				}
			}
			return rows;
		}
	}

	/** The summary's figures as one grouped count per table. */
	private int summaryCounts(String planCode) throws SQLException {
		try (Connection c = db.getConnection()) {
			int rows = 0;
			try (PreparedStatement p = c.prepareStatement("select unit_code, field, status, count(*) from registration "
					+ "where plan_code = ? and status <> 'DRAFT' group by unit_code, field, status")) {
				p.setString(1, planCode);
				rows += drain(p);
			}
			try (PreparedStatement p = c.prepareStatement("select unit_code, field, outcome, count(*) from recognized_model "
					+ "where recognized_year <= (select plan_year from plan where code = ?) group by unit_code, field, outcome")) {
				p.setString(1, planCode);
				rows += drain(p);
			}
			try (PreparedStatement p = c.prepareStatement("select award_type, recipient_kind, count(*) from award_nomination "
					+ "where plan_code = ? and status = 'AWARDED' group by award_type, recipient_kind")) {
				p.setString(1, planCode);
				rows += drain(p);
			}
			return rows;
		}
	}

	private static int drain(PreparedStatement p) throws SQLException {
		int rows = 0;
		try (ResultSet rs = p.executeQuery()) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (int i = 1; i <= columns; i++) {
					rs.getObject(i);
				}
				rows++;
			}
		}
		return rows;
	}

}
