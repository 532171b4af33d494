package vn.dvk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A plan (kế hoạch) of one season: its legal basis, scope, fields, review rule and deadlines.
 */
public record Plan(String code, String title, int year, String legalBasisNumber, LocalDate legalBasisDate,
		String description, List<PlanField> fields, List<String> scopeUnitCodes, ReviewMode reviewMode,
		Instant registrationDeadline, int reminderDaysBefore, int reviewDays, int escalationDays,
		PlanStatus status, String createdBy, Instant createdAt, Instant publishedAt) {

	public Optional<PlanField> field(String fieldCode) {
		return fields.stream().filter(f -> f.code().equals(fieldCode)).findFirst();
	}

	public boolean covers(String unitCode) {
		return scopeUnitCodes.contains(unitCode);
	}

	public Instant registrationReminderAt() {
		return registrationDeadline.minus(java.time.Duration.ofDays(reminderDaysBefore));
	}

}
