package vn.dvk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a specialist writes when drafting or revising a plan. {@code code} may be null (generated);
 * empty {@code fields} means the four standard fields; empty {@code scopeUnitCodes} means every
 * registering unit.
 */
public record PlanDraft(String code, String title, Integer year, String legalBasisNumber, LocalDate legalBasisDate,
		String description, List<PlanField> fields, List<String> scopeUnitCodes, ReviewMode reviewMode,
		Instant registrationDeadline, Integer reminderDaysBefore, Integer reviewDays, Integer escalationDays) {
}
