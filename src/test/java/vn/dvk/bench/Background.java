package vn.dvk.bench;

import javax.sql.DataSource;

/** The state before a rush (stub). */
final class Background {

	private final DataSource dvk;

	private final DataSource bare;

	private String plan;

	Background(DataSource dvk, DataSource bare) {
		this.dvk = dvk;
		this.bare = bare;
	}

	String plan() {
		return plan;
	}

	void topUp(int target, SeasonSteps steps) {
		long now = BenchDatabase.count(dvk, "select count(*) from registration");
		if (target > now) {
			throw new UnsupportedOperationException("background not written yet: " + now + " < " + target);
		}
	}

	long engineHistoryRows() {
		return BenchDatabase.count(dvk, """
				select sum(n_live_tup) from pg_stat_user_tables where relname like 'act_hi_%'""");
	}

}
