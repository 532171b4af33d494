package vn.dvk.plan.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;

final class PlanProcessFixtures {

	static final Instant DEADLINE = Instant.parse("2026-03-31T10:00:00Z");

	private PlanProcessFixtures() {
	}

	static Plan plan(PlanStatus status, Instant deadline, int reminderDaysBefore, List<String> scope) {
		return new Plan("KH-2026-01", "Kế hoạch thi đua \"Dân vận khéo\" năm 2026", 2026, "35-CT/TU",
				LocalDate.of(2022, 11, 2), null, PlanField.standard(), scope, ReviewMode.EVERY_LEVEL, deadline,
				reminderDaysBefore, 10, 20, status, "drafter", Instant.parse("2026-01-15T03:00:00Z"), null);
	}

}
