package vn.dvk.registration.process;

import java.time.Duration;
import java.time.Instant;

/**
 * When a unit is reminded of its result report: the plan's {@code reminderDaysBefore} days (at
 * least one) before the deadline, or half-way to it when that moment has already passed.
 */
final class ResultReportDates {

	private ResultReportDates() {
	}

	static Instant reminderAt(Instant deadline, int daysBefore, Instant now) {
		Instant reminder = deadline.minus(Duration.ofDays(Math.max(1, daysBefore)));
		if (reminder.isAfter(now) || !deadline.isAfter(now)) {
			return reminder;
		}
		return now.plus(Duration.between(now, deadline).dividedBy(2));
	}

}
