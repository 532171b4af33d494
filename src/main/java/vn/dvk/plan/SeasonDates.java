package vn.dvk.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The season's dates after registration: they drive the plan's timers. Null means "not set yet".
 *
 * @param evaluationOpensAt    accepted registrations are asked for their result report
 * @param resultReportDeadline result reports are due (reminder before, overdue after)
 * @param councilSessionAt     the council's recognition session
 * @param awardDossierDeadline award nominations and dossiers are due
 * @param summaryDate          the year-end summary (tổng kết)
 */
public record SeasonDates(Instant evaluationOpensAt, Instant resultReportDeadline, Instant councilSessionAt,
		Instant awardDossierDeadline, LocalDate summaryDate) {

	public static SeasonDates unset() {
		return new SeasonDates(null, null, null, null, null);
	}

	/** Both dates the plan's timers need are set. */
	public boolean evaluationScheduled() {
		return evaluationOpensAt != null && resultReportDeadline != null;
	}

}
