package vn.dvk.bench;

import static vn.dvk.bench.ResultTable.ms;
import static vn.dvk.bench.ResultTable.number;
import static vn.dvk.bench.ResultTable.ratio;
import static vn.dvk.bench.ResultTable.triple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * One benchmark run: the database, the application node(s), the bare engine and the JDBC loop;
 * at every size the background state, the rush through DVK, the same rush on the bare engine and
 * the JDBC loop, the queries at rest and the end of the season; then two nodes against one and
 * the start-up on the embedded defaults. Fills the table.
 */
final class BenchRun {

	static final String STATE = "Registrations in the database (engine history rows)";
	static final String DVK_RATE = "Accepted registrations/s — DVK over HTTP";
	static final String BARE_RATE = "Accepted registrations/s — bare engine";
	static final String JDBC_RATE = "Accepted registrations/s — JDBC loop";
	/** {@code -Dbench.pg-statements=true}: pg_stat_statements per rush in target/bench/pg-statements-*.tsv. */
	static final boolean STATEMENTS = Boolean.getBoolean("bench.pg-statements");

	static final String VS_BARE = "DVK / bare engine (throughput)";
	static final String VS_JDBC = "DVK / JDBC loop (throughput)";
	static final String COST = "Rush cost per registration, ms (growth vs smallest size)";
	static final String SUBMIT = "Submit p50 / p95 / p99, ms (bare engine p95, ratio)";
	static final String ATTACH = "Attachment upload (200 KB) p50 / p95 / p99, ms";
	static final String REVIEW = "Review decision p50 / p95 / p99, ms (bare p95, ratio)";
	static final String TASKS_RUSH = "Reviewer's task list during the rush p50 / p95 / p99, ms (bare p95, ratio)";
	static final String TASKS = "Reviewer's task list at rest p50 / p95 / p99, ms (bare p95, ratio)";
	static final String UNIT_LIST = "Unit head's registration list p50 / p95 / p99, ms (JDBC p95, ratio)";
	static final String COUNCIL_LIST = "Council member's registration list p50 / p95 / p99, ms (JDBC p95, ratio)";
	static final String PAGE = "Registration page p50 / p95 / p99, ms (JDBC p95, ratio)";
	static final String SUMMARY = "Summary report p50 / p95 / p99, ms (JDBC p95, ratio)";
	static final String HEAP = "Heap in use: peak during the rush / live after full GC, MB";
	static final String RSS = "RSS of the application: after the rush / peak, MB";
	static final String CPU = "CPU during the rush: machine busy / cores used by app, PostgreSQL, harness";
	static final String CPU_PER = "CPU per accepted registration, ms: DVK (app + PostgreSQL) / bare engine (+ PostgreSQL) / JDBC loop (+ PostgreSQL)";
	static final String SEASON = "Season end: reports, council session, decision, awards";
	static final String TWO_NODES = "Two nodes on one database: accepted/s one node → two nodes (ratio)";
	static final String STARTUP = "Start-up on the embedded defaults: empty data directory / restart, s";

	private final BenchSettings settings;

	private final ResultTable table = new ResultTable();

	private final long began = System.nanoTime();

	/** A progress line on standard output, with the minutes since the run began. */
	void progress(String text) {
		System.out.printf(java.util.Locale.ROOT, "[bench %5.1f min] %s%n", (System.nanoTime() - began) / 60e9, text);
	}

	BenchRun(BenchSettings settings) {
		this.settings = settings;
		table.row(STATE, "10^3, 10^4, 10^5 registrations; 10^6 history rows");
		table.row(DVK_RATE, "");
		table.row(BARE_RATE, "");
		table.row(JDBC_RATE, "");
		table.row(VS_BARE, "≥ 0.7");
		table.row(VS_JDBC, "");
		table.row(COST, "growth ≤ 1.5 at 10^5");
		table.row(SUBMIT, "");
		table.row(ATTACH, "");
		table.row(REVIEW, "");
		table.row(TASKS_RUSH, "");
		table.row(TASKS, "p95 ≤ 50 ms at 10^5");
		table.row(UNIT_LIST, "p95 ≤ 50 ms at 10^5");
		table.row(COUNCIL_LIST, "p95 ≤ 50 ms at 10^5");
		table.row(PAGE, "p95 ≤ 50 ms at 10^5");
		table.row(SUMMARY, "p95 ≤ 200 ms at 10^5");
		table.row(HEAP, "< 512 MB at 10^4");
		table.row(RSS, "");
		table.row(CPU, "");
		table.row(CPU_PER, "");
		table.row(SEASON, "");
		table.row(TWO_NODES, "≥ 1.6");
		table.row(STARTUP, "≤ 15 s");
	}

	ResultTable run() throws Exception {
		Path pgData = settings.work().resolve("postgres");
		List<AppNode> nodes = new ArrayList<>();
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try (BenchDatabase db = BenchDatabase.start(pgData, STATEMENTS)) {
			DataSource dvkDb = db.pool(BenchDatabase.DVK, 4);
			describe(db, dvkDb);
			AppNode node1 = AppNode.onDatabase(settings, "node-1", db.jdbcUrl(BenchDatabase.DVK), smtp.getSmtp().getPort(),
					true);
			nodes.add(node1);
			progress("node-1 ready in " + number(node1.awaitReady(Duration.ofMinutes(5)), 1) + " s");
			BenchHttp http = node1.http();
			http.get("admin", "/engine-rest/task?maxResults=1").expect(200);
			SeasonUnits units = SeasonUnits.from(http.get("drafter", "/api/units").expect(200).json());
			SeasonSteps steps = new SeasonSteps(http);
			DvkRush rush = new DvkRush(settings, List.of(node1), units);
			Background background = new Background(dvkDb, db.pool(BenchDatabase.BARE, 2));

			try (BareEngine bare = BareEngine.start(db.jdbcUrl(BenchDatabase.BARE), settings.basedir().resolve("bpmn"),
					units); BareEngine bareReader = BareEngine.readOnly(db.jdbcUrl(BenchDatabase.DVK), units)) {
				JdbcLoop jdbc = new JdbcLoop(dvkDb);
				background.templatePlan(warmUp(steps, rush, bare));
				progress("warm-up done");
				Double firstCost = null;
				for (int s = 0; s < settings.sizes().size(); s++) {
					int size = settings.sizes().get(s);
					String column = number(size, 0);
					table.column(column);
					String marker = "S" + (s + 1);
					smtp.purgeEmailFromAllMailboxes();

					// the state before the rush: earlier rushes plus copies of them, up to size - window
					background.topUp(size - settings.window() - settings.open(), steps);
					progress("size " + size + ": background ready");

					// the rush through DVK
					String plan = steps.openPlan("Kế hoạch thử tải " + marker + " (" + size + " đăng ký)");
					statements(db, null);
					Machine.CpuWindow cpu = new Machine.CpuWindow(List.of(node1), pgData);
					DvkRush.Result dvk;
					double heapPeak;
					try (HeapSampler heap = new HeapSampler(node1)) {
						dvk = rush.run(plan, marker, settings.window());
						heapPeak = heap.peakMegabytes();
					}
					double[] cpuUse = cpu.end();
					statements(db, "pg-statements-" + size + "-dvk.tsv");
					double[] rss = node1.rssMegabytes();
					long accepted = BenchDatabase.count(dvkDb,
							"select count(*) from registration where plan_code = ? and status = 'ACCEPTED'", plan);
					if (accepted != settings.window()) {
						throw new IllegalStateException(accepted + " of " + settings.window() + " accepted in " + plan);
					}
					progress("size " + size + ": DVK rush " + number(dvk.perSecond(), 1) + "/s");
					rush.submitOpen(plan, marker, settings.open());

					// the same on the bare engine and in plain JDBC
					statements(db, null);
					Machine.CpuWindow bareCpu = new Machine.CpuWindow(List.of(), pgData);
					DvkRush.Result bareResult = bare.rush(marker, settings.window(), settings.submitters(),
							settings.reviewers());
					double[] bareCpuUse = bareCpu.end();
					statements(db, "pg-statements-" + size + "-bare.tsv");
					bare.submitOpen(marker, settings.open());
					progress("size " + size + ": bare engine rush " + number(bareResult.perSecond(), 1) + "/s");
					jdbc.prepare();
					Machine.CpuWindow jdbcCpu = new Machine.CpuWindow(List.of(), pgData);
					DvkRush.Result jdbcResult = jdbc.rush(marker, plan, settings.window(), units,
							settings.submitters() + settings.reviewers());
					double[] jdbcCpuUse = jdbcCpu.end();

					progress("size " + size + ": JDBC loop " + number(jdbcResult.perSecond(), 1) + "/s");
					node1.fullGc();
					double liveHeap;
					try (HeapSampler heap = new HeapSampler(node1)) {
						liveHeap = heap.heapMegabytes();
					}

					// reads at rest, on the biggest plan
					String summaryPlan = background.plan() == null ? plan : background.plan();
					QueryProbe.Results q = new QueryProbe(http, bareReader, dvkDb, units, settings.samples())
						.measure(dvk.codes(), summaryPlan);

					progress("size " + size + ": queries measured");
					// the end of the season
					SeasonSteps.End end = steps.finish(plan, dvk.codes(), units, settings.councilModels());

					long registrations = BenchDatabase.count(dvkDb, "select count(*) from registration");
					table.put(STATE, column, number(registrations, 0) + " (" + number(background.engineHistoryRows(), 0)
							+ ")");
					table.put(DVK_RATE, column, number(dvk.perSecond(), 1));
					table.put(BARE_RATE, column, number(bareResult.perSecond(), 1));
					table.put(JDBC_RATE, column, number(jdbcResult.perSecond(), 1));
					table.put(VS_BARE, column, number(dvk.perSecond() / bareResult.perSecond(), 2));
					table.put(VS_JDBC, column, number(dvk.perSecond() / jdbcResult.perSecond(), 3));
					double cost = 1000.0 / dvk.perSecond();
					if (firstCost == null) {
						firstCost = cost;
					}
					table.put(COST, column, ms(cost) + " (" + ratio(cost, firstCost) + ")");
					table.put(SUBMIT, column, triple(dvk.submit()) + " (" + ms(bareResult.submit().p95()) + ", "
							+ ratio(dvk.submit().p95(), bareResult.submit().p95()) + ")");
					table.put(ATTACH, column, triple(dvk.attach()));
					table.put(REVIEW, column, triple(dvk.review()) + " (" + ms(bareResult.review().p95()) + ", "
							+ ratio(dvk.review().p95(), bareResult.review().p95()) + ")"
							+ (dvk.conflicts() > 0 ? "; " + dvk.conflicts() + " repeated after a 500 (optimistic locking)" : ""));
					table.put(TASKS_RUSH, column, triple(dvk.taskList()) + " (" + ms(bareResult.taskList().p95()) + ", "
							+ ratio(dvk.taskList().p95(), bareResult.taskList().p95()) + ")");
					pair(TASKS, column, q.taskList());
					pair(UNIT_LIST, column, q.unitList());
					pair(COUNCIL_LIST, column, q.councilList());
					pair(PAGE, column, q.page());
					pair(SUMMARY, column, q.summary());
					table.put(HEAP, column, number(heapPeak, 0) + " / " + number(liveHeap, 0));
					table.put(RSS, column, number(rss[0], 0) + " / " + number(rss[1], 0));
					table.put(CPU, column, number(cpuUse[0], 0) + "% / " + number(cpuUse[1], 2) + ", "
							+ number(cpuUse[2], 2) + ", " + number(cpuUse[3], 2));
					// cores × seconds / registrations: the CPU one accepted registration costs each party
					table.put(CPU_PER, column, perRegistration(cpuUse[1], cpuUse[2], dvk) + " / "
							+ perRegistration(bareCpuUse[3], bareCpuUse[2], bareResult) + " / "
							+ perRegistration(jdbcCpuUse[3], jdbcCpuUse[2], jdbcResult));
					table.put(SEASON, column, number(end.seconds(), 1) + " s for " + end.models() + " models × "
							+ SeasonSteps.COUNCIL.size() + " members (assessment p95 " + ms(end.assessments().p95())
							+ " ms, decision " + number(end.decisionSeconds(), 1) + " s, " + end.awards() + " awards)");
					progress("size " + size + " done: " + registrations + " registrations, season end "
							+ number(end.seconds(), 1) + " s");
				}
			}

			// two nodes against one, on the last state
			String last = number(settings.sizes().get(settings.sizes().size() - 1), 0);
			AppNode node2 = AppNode.onDatabase(settings, "node-2", db.jdbcUrl(BenchDatabase.DVK), smtp.getSmtp().getPort(),
					false);
			nodes.add(node2);
			node2.awaitReady(Duration.ofMinutes(5));
			node2.http().get("admin", "/engine-rest/task?maxResults=1").expect(200);
			// node 2 warms up as node 1 did before anything was measured on it
			new DvkRush(settings, List.of(node2), units).run(steps.openPlan("Kế hoạch khởi động máy chủ 2"), "W2",
					Math.min(30, settings.window()));
			DvkRush.Result one = rush.run(steps.openPlan("Kế hoạch thử tải một máy chủ"), "N1", settings.window());
			DvkRush.Result two = new DvkRush(settings, List.of(node1, node2), units)
				.run(steps.openPlan("Kế hoạch thử tải hai máy chủ"), "N2", settings.window());
			progress("two nodes measured");
			table.put(TWO_NODES, last, number(one.perSecond(), 1) + " → " + number(two.perSecond(), 1) + " ("
					+ ratio(two.perSecond(), one.perSecond()) + ")");
			for (AppNode node : nodes) {
				node.close();
			}
			nodes.clear();
		}
		finally {
			nodes.forEach(AppNode::close);
			smtp.stop();
		}

		// start-up on the embedded defaults, on a machine at rest
		Path home = settings.work().resolve("embedded");
		double first;
		double second;
		try (AppNode fresh = AppNode.embeddedDefaults(settings, "startup-first", home)) {
			first = fresh.awaitReady(Duration.ofMinutes(5));
		}
		try (AppNode again = AppNode.embeddedDefaults(settings, "startup-again", home)) {
			second = again.awaitReady(Duration.ofMinutes(5));
		}
		progress("start-up measured");
		table.put(STARTUP, number(settings.sizes().get(0), 0), number(first, 1) + " / " + number(second, 1));
		return table;
	}

	/** With {@code -Dbench.pg-statements=true}: resets the counts (file null) or writes them to target/bench/file. */
	private void statements(BenchDatabase db, String file) throws IOException {
		if (!STATEMENTS) {
			return;
		}
		if (file == null) {
			db.resetStatements();
		}
		else {
			db.writeStatements(settings.work().resolve(file));
		}
	}

	/** "app + PostgreSQL" CPU milliseconds per accepted registration of a rush. */
	private static String perRegistration(double appCores, double postgresCores, DvkRush.Result rush) {
		double seconds = rush.seconds() / rush.accepted();
		return ms(appCores * seconds * 1000) + " + " + ms(postgresCores * seconds * 1000);
	}

	private void pair(String row, String column, QueryProbe.Pair pair) {
		table.put(row, column, triple(pair.dvk()) + " (" + ms(pair.baseline().p95()) + ", "
				+ ratio(pair.dvk().p95(), pair.baseline().p95()) + ")");
	}

	/** A few registrations through both engines before anything is measured (class loading, JIT). */
	private String warmUp(SeasonSteps steps, DvkRush rush, BareEngine bare) throws Exception {
		int count = Math.min(30, settings.window());
		String plan = steps.openPlan("Kế hoạch khởi động");
		rush.run(plan, "W", count);
		bare.rush("W", count, settings.submitters(), settings.reviewers());
		return plan;
	}

	private void describe(BenchDatabase db, DataSource dvkDb) {
		String version = BenchDatabase.single(dvkDb, "show server_version");
		String fsync = BenchDatabase.single(dvkDb, "show fsync");
		String commit = BenchDatabase.single(dvkDb, "show synchronous_commit");
		table.note("Machine: " + Machine.cores() + " cores (" + Machine.cpuModel() + "), "
				+ number(Machine.memoryMegabytes() / 1024.0, 1) + " GB RAM, " + Machine.os() + "; " + Machine.jdk()
				+ "; PostgreSQL " + version + " (zonky embedded binaries) with fsync=" + fsync + ", synchronous_commit="
				+ commit + ", on the same machine.");
		table.note("Each size: the rush of " + settings.window() + " registrations through HTTP (" + settings.submitters()
				+ " unit heads' clients, " + settings.reviewers() + " reviewers' clients, every "
				+ settings.attachmentEvery() + "th with an attachment), then " + settings.open()
				+ " left waiting for review; queries at rest: " + settings.samples() + " requests each, one client; "
				+ "application JVM " + String.join(" ", AppNode.JVM_OPTIONS) + ".");
	}

}
