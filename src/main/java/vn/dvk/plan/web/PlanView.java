package vn.dvk.plan.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanHistoryEntry;

/**
 * A plan as the API shows it: codes with their Vietnamese labels; {@code history} and
 * {@code rules} (the shape of GET /api/plans/{code}/rules) only for one plan, not in lists.
 */
record PlanView(String code, String title, int year, String legalBasisNumber, LocalDate legalBasisDate,
		String description, List<PlanField> fields, List<String> scopeUnitCodes, String reviewMode,
		String reviewModeName, Instant registrationDeadline, Instant registrationReminderAt, int reminderDaysBefore,
		int reviewDays, int escalationDays, String status, String statusName, String createdBy, Instant createdAt,
		Instant publishedAt, @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryView> history,
		@JsonInclude(JsonInclude.Include.NON_NULL) PlanRulesController.RulesView rules) {

	static PlanView of(Plan plan, List<PlanHistoryEntry> history) {
		return of(plan, history, null);
	}

	static PlanView of(Plan plan, List<PlanHistoryEntry> history, PlanRulesController.RulesView rules) {
		return new PlanView(plan.code(), plan.title(), plan.year(), plan.legalBasisNumber(), plan.legalBasisDate(),
				plan.description(), plan.fields(), plan.scopeUnitCodes(), plan.reviewMode().name(),
				plan.reviewMode().label(), plan.registrationDeadline(), plan.registrationReminderAt(),
				plan.reminderDaysBefore(), plan.reviewDays(), plan.escalationDays(), plan.status().name(),
				plan.status().label(), plan.createdBy(), plan.createdAt(), plan.publishedAt(),
				history == null ? null : history.stream().map(HistoryView::of).toList(), rules);
	}

	record HistoryView(String status, String statusName, String actor, String comment, Instant occurredAt) {

		static HistoryView of(PlanHistoryEntry entry) {
			return new HistoryView(entry.status().name(), entry.status().label(), entry.actor(), entry.comment(),
					entry.occurredAt());
		}

	}

}
