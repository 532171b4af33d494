package vn.dvk.plan;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Plans: drafting, submission for approval (starts PlanIssuanceProcess), status changes driven
 * by the process. Public API of the plan module.
 */
@Service
public class PlanService {

	/** Saves a new plan as DRAFT. Validates everything; throws a ValidationException (Vietnamese messages). */
	public Plan create(PlanDraft draft, String actor) {
		throw new UnsupportedOperationException("TODO");
	}

	/** Changes a DRAFT or RETURNED plan. */
	public Plan update(String code, PlanDraft draft, String actor) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Sends a DRAFT plan for approval (starts PlanIssuanceProcess, business key = code) or a
	 * RETURNED plan back for approval (completes UserTask_RevisePlan).
	 */
	public Plan submit(String code, String actor) {
		throw new UnsupportedOperationException("TODO");
	}

	public Optional<Plan> find(String code) {
		throw new UnsupportedOperationException("TODO");
	}

	public Plan require(String code) {
		throw new UnsupportedOperationException("TODO");
	}

	public List<Plan> list() {
		throw new UnsupportedOperationException("TODO");
	}

	/** Called by the process: records the new status in the plan and its history. */
	public void changeStatus(String code, PlanStatus status, String actor, String comment) {
		throw new UnsupportedOperationException("TODO");
	}

	public List<PlanHistoryEntry> history(String code) {
		throw new UnsupportedOperationException("TODO");
	}

}
