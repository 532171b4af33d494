package vn.dvk.recognition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanRules;
import vn.dvk.registration.SelfEvaluation;

/** A session with everything the council, the drafters and the chair look at. */
public record SessionDetails(RecognitionSession session, Plan plan, PlanRules rules, List<SessionItem> items,
		Map<String, List<SelfEvaluation>> selfEvaluations, List<Assessment> assessments, List<Recusal> recusals,
		Optional<RecognitionDecision> decision) {
}
