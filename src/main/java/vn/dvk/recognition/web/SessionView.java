package vn.dvk.recognition.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import vn.dvk.plan.PlanField;
import vn.dvk.recognition.Assessment;
import vn.dvk.recognition.Recusal;
import vn.dvk.recognition.SessionDetails;
import vn.dvk.registration.SelfEvaluation;

/** JSON of {@code GET /api/recognition-sessions/{key}}. */
record SessionView(String key, String planCode, String planTitle, int sessionNo, String field, String status,
		String statusName, String createdBy, Instant createdAt, String comment, String confirmedBy, Instant decidedAt,
		List<CriterionView> criteria, int recognizeMinScore, int typicalMinScore, List<ItemView> models,
		DecisionView decision) {

	record CriterionView(String code, String text, boolean required, Integer weight) {
	}

	record ItemView(String registrationCode, String name, String unitCode, String unitName, String field,
			String fieldName, String kind, List<SelfEvaluation> selfEvaluation, List<Assessment> assessments,
			List<Recusal> recusals, Double score, Boolean requiredMet, String proposedOutcome, String finalOutcome,
			String finalOutcomeName) {
	}

	record DecisionView(long id, String number, String date, String pdfUrl) {
	}

	static SessionView of(SessionDetails d, Function<String, String> unitNames) {
		var s = d.session();
		List<ItemView> items = d.items()
			.stream()
			.map(i -> new ItemView(i.registrationCode(), i.name(), i.unitCode(), unitNames.apply(i.unitCode()), i.field(),
					d.plan().field(i.field()).map(PlanField::name).orElse(i.field()), i.kind(),
					d.selfEvaluations().getOrDefault(i.registrationCode(), List.of()),
					d.assessments().stream().filter(a -> a.registrationCode().equals(i.registrationCode())).toList(),
					d.recusals().stream().filter(r -> r.registrationCode().equals(i.registrationCode())).toList(),
					i.score(), i.requiredMet(), i.proposedOutcome(),
					i.finalOutcome() == null ? null : i.finalOutcome().name(),
					i.finalOutcome() == null ? null : i.finalOutcome().label()))
			.toList();
		DecisionView decision = d.decision()
			.map(x -> new DecisionView(x.id(), x.number(),
					x.date().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
					"/api/recognition-decisions/" + x.id() + "/pdf"))
			.orElse(null);
		return new SessionView(s.key(), s.planCode(), d.plan().title(), s.sessionNo(), s.field(), s.status(),
				statusName(s.status()), s.createdBy(), s.createdAt(), s.comment(), s.confirmedBy(), s.decidedAt(),
				d.rules().criteria().stream().map(c -> new CriterionView(c.code(), c.text(), c.required(), c.weight())).toList(),
				d.rules().recognizeMinScore(), d.rules().typicalMinScore(), items, decision);
	}

	static String statusName(String status) {
		return switch (status) {
			case "ASSESSING" -> "Hội đồng đang đánh giá";
			case "CONFIRMING" -> "Chờ xác nhận kết quả";
			case "DECIDED" -> "Đã ban hành quyết định";
			default -> status;
		};
	}

}
