package vn.dvk.reporting;

import java.util.List;

/**
 * The movement's public figures over the years (the public page {@code /public/figures}): only
 * counts, and only of what is public — registrations that were sent (never drafts) and the
 * register of recognised models (never a model that was not recognised).
 *
 * @param byYear     per year, oldest first
 * @param byField    per field: the known fields in their usual order, then the others by code
 * @param byUnit     the units with the most recognised models, most first, then (if any) one line
 *                   grouping the rest
 * @param registered registrations sent, every year
 * @param recognized entries of the register, every year (imported history included)
 * @param typical    of which typical
 */
public record MovementFigures(List<YearLine> byYear, List<FieldLine> byField, List<UnitLine> byUnit, long registered,
		long recognized, long typical) {

	/**
	 * One year.
	 *
	 * @param registered registrations sent under the plans of that year; null when the system has
	 *                   none (a year known only from imported history)
	 * @param cumulative recognised up to and including that year
	 */
	public record YearLine(int year, Long registered, long recognized, long typical, long cumulative) {
	}

	/** One field (lĩnh vực): registrations sent and models recognised, every year. */
	public record FieldLine(String code, String name, long registered, long recognized, long typical) {
	}

	/**
	 * One unit, or the rest grouped.
	 *
	 * @param code   the unit's code; null on the line of the rest
	 * @param name   the unit's name; null on the line of the rest
	 * @param units  how many units the line counts (1, or those grouped)
	 */
	public record UnitLine(String code, String name, int units, long recognized, long typical) {

		public boolean rest() {
			return code == null;
		}

	}

}
