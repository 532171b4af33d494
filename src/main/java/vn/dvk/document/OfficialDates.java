package vn.dvk.document;

import java.time.LocalDate;

/**
 * Dates in the style of official documents: Khánh Hòa, ngày 05 tháng 01 năm 2026.
 */
public final class OfficialDates {

	/** The place named in the date line of the board's documents. */
	public static final String PLACE = "Khánh Hòa";

	private OfficialDates() {
	}

	/** ngày 05 tháng 01 năm 2026. */
	public static String date(LocalDate date) {
		return "ngày %02d tháng %02d năm %d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** Khánh Hòa, ngày 05 tháng 01 năm 2026. */
	public static String dateLine(LocalDate date) {
		return PLACE + ", " + date(date);
	}

}
