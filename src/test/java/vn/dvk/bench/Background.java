package vn.dvk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * The state a rush runs on: before each size's rush the database is filled up to the size with
 * copies of registrations that went through the real application (the warm-up rush: submitted,
 * reviewed at one or two levels, accepted, waiting for the evaluation), made in SQL. Copied are
 * DVK's rows (registration, its history, its outbox rows, all sent; not the attachments) and
 * every engine row of the registration's process tree: runtime (execution, variables, event
 * subscription, authorizations, byte arrays) and history (process, activity, task, variable and
 * detail, identity link, decision, operation log), with fresh ids and codes, in a plan of their
 * own ("nền"); half of them are on an earlier, decided council session (what a council member's
 * registration list covers). The bare engine's database gets the same from its own warm-up. Reaching 10^5
 * registrations by HTTP alone would take hours on 2 cores; this takes minutes.
 */
final class Background {

	/** Engine tables that hold per-instance rows; definitions, identity, metrics and properties are shared. */
	private static final String ENGINE_TABLES = """
			select table_name from information_schema.tables where table_schema = 'public'
			and (table_name like 'act\\_ru\\_%' or table_name like 'act\\_hi\\_%' or table_name = 'act_ge_bytearray')
			and table_name not in ('act_ru_meter_log', 'act_ru_task_meter_log', 'act_ru_filter', 'act_ru_jobdef',
			'act_ru_batch', 'act_hi_batch') and table_name not like 'act\\_ru\\_case%' and table_name not like 'act\\_hi\\_case%'
			order by table_name""";

	/** Columns through which a row belongs to a process tree. */
	private static final List<String> REFERENCES = List.of("root_proc_inst_id_", "proc_inst_id_", "process_instance_id_",
			"execution_id_", "task_id_", "resource_id_", "dec_inst_id_", "root_dec_inst_id_", "var_inst_id_",
			"act_inst_id_", "call_proc_inst_id_");

	/** Columns that point at a byte array of the same tree. */
	private static final List<String> BYTE_ARRAYS = List.of("bytearray_id_", "exception_stack_id_", "error_details_id_");

	private final DataSource dvk;

	private final DataSource bare;

	private String plan;

	private String templatePlan;

	private long serial;

	Background(DataSource dvk, DataSource bare) {
		this.dvk = dvk;
		this.bare = bare;
	}

	/** The plan of the copies (null until the first copy). */
	String plan() {
		return plan;
	}

	/** The registrations copied: those of this plan (all accepted, waiting for the evaluation). */
	void templatePlan(String code) {
		this.templatePlan = code;
	}

	/** Copies until DVK's database holds {@code target} registrations (and the bare engine's as many instances). */
	void topUp(int target, SeasonSteps steps) throws SQLException {
		long have = BenchDatabase.count(dvk, "select count(*) from registration");
		if (target <= have) {
			return;
		}
		if (plan == null) {
			plan = steps.openPlan("Kế hoạch nền của phép đo (bản sao)");
			captureDvkTemplate();
			captureBareTemplate();
		}
		int templates = (int) BenchDatabase.count(dvk, "select count(*) from bench.code");
		int copies = (int) Math.ceil((target - have) / (double) templates);
		long first = serial + 1;
		serial += copies;
		try (Connection c = dvk.getConnection()) {
			c.setAutoCommit(false);
			long base = BenchDatabase.count(dvk, "select last_value from registration_code_seq");
			String newCode = "(select substr(x.%1$s, 1, 8) || lpad((" + base + " + (g.n - 1) * " + templates
					+ " + b.idx)::text, 6, '0') from bench.code b where b.code = x.%1$s)";
			copyEngineRows(c, copies, first, newCode);
			execute(c, "insert into registration (code, plan_code, unit_code, kind, field, continuing, "
					+ "previous_registration_code, name, situation, objectives, approach, beneficiaries, implementers, "
					+ "resources, timeframe, outputs, sustainability, status, created_by, created_at, updated_at, "
					+ "submitted_at, version, result_report_overdue) select " + newCode.formatted("code") + ", '" + plan
					+ "', unit_code, kind, field, continuing, previous_registration_code, name, situation, objectives, "
					+ "approach, beneficiaries, implementers, resources, timeframe, outputs, sustainability, status, "
					+ "created_by, created_at - make_interval(secs => g.n), updated_at, "
					+ "submitted_at - make_interval(secs => g.n), version, result_report_overdue "
					+ "from bench.registration x cross join generate_series(1, " + copies + ") g(n)");
			execute(c, "insert into registration_history (registration_code, status, action, review_unit_code, actor, "
					+ "comment, occurred_at) select " + newCode.formatted("registration_code")
					+ ", status, action, review_unit_code, actor, comment, occurred_at - make_interval(secs => g.n) "
					+ "from bench.registration_history x cross join generate_series(1, " + copies + ") g(n)");
			execute(c, "insert into mail_outbox (dedup_key, template, recipients, subject, body_html, status, attempts, "
					+ "next_attempt_at, created_at, sent_at) select " + copiedId("split_part(dedup_key, ':', 1)", first)
					+ " || substr(dedup_key, length(split_part(dedup_key, ':', 1)) + 1), template, "
					+ "recipients, subject, body_html, 'SENT', 1, next_attempt_at, created_at, coalesce(sent_at, created_at) "
					+ "from bench.mail_outbox x cross join generate_series(1, " + copies + ") g(n)");
			execute(c, "select setval('registration_code_seq', " + (base + (long) copies * templates + 1) + ")");
			// half of the copies were before an earlier council session (decided): what a council member's list covers
			String session = plan + "-PH1";
			execute(c, "insert into recognition_session (session_key, plan_code, session_no, status, created_by, "
					+ "created_at, decided_at) values ('" + session + "', '" + plan + "', 1, 'DECIDED', 'drafter', now(), "
					+ "now()) on conflict do nothing");
			execute(c, "insert into recognition_session_item (session_key, registration_code, position, name, unit_code, "
					+ "field, kind) select '" + session + "', code, (select coalesce(max(position), 0) from "
					+ "recognition_session_item where session_key = '" + session + "') + row_number() over (order by code), "
					+ "name, unit_code, field, kind from registration where plan_code = '" + plan + "' and not council_agenda "
					+ "and right(code, 1) in ('0', '2', '4', '6', '8')");
			execute(c, "update registration set council_agenda = true where plan_code = '" + plan + "' and not council_agenda "
					+ "and right(code, 1) in ('0', '2', '4', '6', '8')");
			c.commit();
		}
		analyze(dvk);
		// the bare engine's database: as many instances, copied from its warm-up
		long bareHave = BenchDatabase.count(bare,
				"select count(*) from act_hi_procinst where proc_def_key_ = 'ModelRegistrationProcess'");
		long bareTemplates = BenchDatabase.count(bare, "select count(*) from bench.root");
		if (target > bareHave) {
			int bareCopies = (int) Math.ceil((target - bareHave) / (double) bareTemplates);
			long bareFirst = serial + 1;
			serial += bareCopies;
			try (Connection c = bare.getConnection()) {
				c.setAutoCommit(false);
				copyEngineRows(c, bareCopies, bareFirst, null);
				c.commit();
			}
			analyze(bare);
		}
	}

	/** Keeps the template registrations' rows, DVK's and the engine's, in the schema {@code bench}. */
	private void captureDvkTemplate() throws SQLException {
		try (Connection c = dvk.getConnection()) {
			c.setAutoCommit(false);
			execute(c, "create schema bench");
			execute(c, "create table bench.code as select code, (row_number() over (order by code))::int as idx "
					+ "from registration where plan_code = '" + templatePlan + "' and status = 'ACCEPTED'");
			execute(c, "create table bench.root as select id_ from act_hi_procinst where proc_def_key_ = "
					+ "'ModelRegistrationProcess' and business_key_ in (select code from bench.code)");
			captureEngineRows(c);
			execute(c, "create table bench.registration as select * from registration where code in (select code from bench.code)");
			execute(c, "create table bench.registration_history as select * from registration_history "
					+ "where registration_code in (select code from bench.code)");
			execute(c, "create table bench.mail_outbox as select * from mail_outbox "
					+ "where split_part(dedup_key, ':', 1) in (select id from bench.id)");
			c.commit();
		}
		if (BenchDatabase.count(dvk, "select count(*) from bench.code") == 0) {
			throw new IllegalStateException("no accepted registration in " + templatePlan + " to copy");
		}
	}

	private void captureBareTemplate() throws SQLException {
		try (Connection c = bare.getConnection()) {
			c.setAutoCommit(false);
			execute(c, "create schema bench");
			execute(c, "create table bench.root as select proc_inst_id_ as id_ from act_ru_execution "
					+ "where business_key_ like 'BARE-W-%' and parent_id_ is null "
					+ "and proc_def_id_ like 'ModelRegistrationProcess:%'");
			captureEngineRows(c);
			c.commit();
		}
	}

	/**
	 * The engine rows of the template's process trees, found by closure (every row that refers to
	 * a row of the tree belongs to it, with the byte arrays it points at), kept as
	 * {@code bench.<table>} and their ids as {@code bench.id}. Done once, while the database is small.
	 */
	private static void captureEngineRows(Connection c) throws SQLException {
		execute(c, "create table bench.id (id varchar primary key)");
		execute(c, "insert into bench.id select id_ from act_hi_procinst where root_proc_inst_id_ in "
				+ "(select id_ from bench.root)");
		List<String> tables = strings(c, ENGINE_TABLES);
		for (int round = 0; round < 8; round++) {
			int added = 0;
			for (String table : tables) {
				List<String> names = columnsOf(c, table).stream().map(col -> col[0]).toList();
				if (!names.contains("id_")) {
					continue;
				}
				for (String ref : REFERENCES.stream().filter(names::contains).toList()) {
					added += update(c, "insert into bench.id select id_ from " + table + " where " + ref
							+ " in (select id from bench.id) on conflict do nothing");
				}
				for (String ref : BYTE_ARRAYS.stream().filter(names::contains).toList()) {
					added += update(c, "insert into bench.id select " + ref + " from " + table + " where " + ref
							+ " is not null and id_ in (select id from bench.id) on conflict do nothing");
				}
			}
			if (added == 0) {
				break;
			}
		}
		for (String table : tables) {
			if (columnsOf(c, table).stream().anyMatch(col -> col[0].equals("id_"))) {
				execute(c, "create table bench." + table + " as select * from " + table
						+ " where id_ in (select id from bench.id)");
			}
		}
	}

	/**
	 * Inserts {@code copies} copies of every kept engine row: ids of the tree get the copy's number
	 * ({@link #copiedId}), registration codes their new number ({@code newCode}, null for the bare
	 * engine), the template plan's code becomes the copies' plan.
	 */
	private void copyEngineRows(Connection c, int copies, long first, String newCode) throws SQLException {
		// the copies are consistent among themselves; the engine's foreign keys (not deferrable) would
		// want the tables in dependency order, so they are not checked during the load (superuser)
		execute(c, "set local session_replication_role = replica");
		for (String table : strings(c, ENGINE_TABLES)) {
			if (strings(c, "select table_name from information_schema.tables where table_schema = 'bench' "
					+ "and table_name = '" + table + "'").isEmpty()) {
				continue;
			}
			List<String> names = new ArrayList<>();
			List<String> values = new ArrayList<>();
			for (String[] col : columnsOf(c, table)) {
				names.add(col[0]);
				values.add(col[1].contains("char") || col[1].equals("text") ? mapped(col[0], first, newCode)
						: "x." + col[0]);
			}
			execute(c, "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
					+ " from bench." + table + " x cross join generate_series(1, " + copies + ") g(n)");
		}
	}

	private String mapped(String column, long first, String newCode) {
		String x = "x." + column;
		StringBuilder sql = new StringBuilder("case when " + x + " is null then null when " + x
				+ " in (select id from bench.id) then " + copiedId(x, first));
		if (newCode != null) {
			sql.append(" when ").append(x).append(" in (select code from bench.code) then ")
				.append(newCode.formatted(column));
			sql.append(" when ").append(x).append(" = '").append(templatePlan).append("' then '").append(plan).append("'");
		}
		return sql.append(" else ").append(x).append(" end").toString();
	}

	private static List<String> strings(Connection c, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	/**
	 * The id of a copy: the engine's ids end with a time-based UUID whose last twelve hex digits are
	 * the generator's node, the same for every id; the copy's number takes their place. Same
	 * length (the columns hold 64 characters), unique per copy, never an id the engine makes.
	 */
	private static String copiedId(String value, long first) {
		return "left(" + value + ", length(" + value + ") - 12) || lpad(to_hex(g.n + " + (first - 1) + "), 12, '0')";
	}

	private static List<String[]> columnsOf(Connection c, String table) throws SQLException {
		List<String[]> columns = new ArrayList<>();
		try (PreparedStatement p = c.prepareStatement("select column_name, data_type from information_schema.columns "
				+ "where table_schema = 'public' and table_name = ? order by ordinal_position")) {
			p.setString(1, table);
			try (ResultSet rs = p.executeQuery()) {
				while (rs.next()) {
					columns.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
		}
		return columns;
	}

	/** Rows of the engine's history tables (ACT_HI_*), counted exactly. */
	long engineHistoryRows() {
		long rows = 0;
		for (String table : BenchDatabase.column(dvk, "select table_name from information_schema.tables "
				+ "where table_schema = 'public' and table_name like 'act\\_hi\\_%'")) {
			rows += BenchDatabase.count(dvk, "select count(*) from " + table);
		}
		return rows;
	}

	/**
	 * Statistics for every table, and what autovacuum would have done by now to the tables that are
	 * read and updated (DVK's and the engine's runtime tables: visibility map, so that counts can
	 * be index-only); the engine's history, insert-only and by far the largest, is only analysed.
	 */
	private static void analyze(DataSource db) throws SQLException {
		List<String> vacuumed = BenchDatabase.column(db, "select table_name from information_schema.tables where "
				+ "table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'act\\_hi\\_%' "
				+ "and table_name <> 'act_ge_bytearray'");
		try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
			c.setAutoCommit(true);
			for (String table : vacuumed) {
				s.execute("vacuum (analyze) " + table);
			}
			s.execute("analyze");
		}
	}

	private static void execute(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new SQLException(ex.getMessage() + "\nin: " + sql, ex);
		}
	}

	private static int update(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement()) {
			return s.executeUpdate(sql);
		}
		catch (SQLException ex) {
			throw new SQLException(ex.getMessage() + "\nin: " + sql, ex);
		}
	}

}
