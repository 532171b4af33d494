package vn.dvk.reporting;

import java.util.List;

/**
 * The year-end summary of a plan (JSON of {@code GET /api/reports/summary}).
 *
 * @param planCode  the plan
 * @param planTitle its title
 * @param year      its year (cumulative figures count the register up to this year)
 * @param totals    the plan's figures
 * @param byField   per field: the plan's fields first, then fields only the register knows
 * @param byUnit    per unit with any figure, in the order of the unit tree
 * @param byLevel   per unit level (Cấp tỉnh, Cấp huyện, Cấp xã)
 * @param awards    awards in force by type and by collective / individual
 */
public record Summary(String planCode, String planTitle, int year, Figures totals, List<Line> byField,
		List<Line> byUnit, List<Line> byLevel, Awards awards) {

	/**
	 * Counts of one line.
	 *
	 * @param registered        registrations of the plan that were sent (every status but DRAFT)
	 * @param accepted          of those, accepted after review (ACCEPTED or any later status)
	 * @param reported          of those, with a result report (REPORTED or a recognition outcome)
	 * @param recognized        recognised in this plan (RECOGNIZED + RECOGNIZED_TYPICAL)
	 * @param typical           of which typical (RECOGNIZED_TYPICAL)
	 * @param cumulative        the register up to the plan's year (imported + recognised in the system)
	 * @param cumulativeTypical of which typical
	 */
	public record Figures(long registered, long accepted, long reported, long recognized, long typical,
			long cumulative, long cumulativeTypical) {

		static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0);

		Figures plus(Figures o) {
			return new Figures(registered + o.registered, accepted + o.accepted, reported + o.reported,
					recognized + o.recognized, typical + o.typical, cumulative + o.cumulative,
					cumulativeTypical + o.cumulativeTypical);
		}

		/** Recognised with outcome RECOGNIZED only (not typical). */
		public long recognizedOnly() {
			return recognized - typical;
		}

	}

	/**
	 * One line of a breakdown.
	 *
	 * @param code      field code, unit code or level (PROVINCE, DISTRICT, COMMUNE)
	 * @param name      its Vietnamese name
	 * @param level     the unit's level (units only)
	 * @param levelName its Vietnamese name (units only)
	 */
	public record Line(String code, String name, String level, String levelName, Figures figures) {
	}

	/** Awards by type, and the totals for collectives and individuals. */
	public record Awards(List<AwardLine> byType, long collective, long individual, long total) {
	}

	/** Awards of one type in force. */
	public record AwardLine(String awardType, String awardName, long collective, long individual, long total) {
	}

}
