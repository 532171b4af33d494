package vn.dvk.plan.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;

/**
 * The portal's page of one plan (linked from the publication email): legal basis, deadline,
 * fields, review rule, units in scope and the plan's history.
 */
@Controller
class PlanPageController {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
		.withZone(VIETNAM);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final PlanService plans;

	private final OrganizationService organization;

	PlanPageController(PlanService plans, OrganizationService organization) {
		this.plans = plans;
		this.organization = organization;
	}

	@GetMapping("/plans/{code}")
	String plan(@PathVariable String code, Model model) {
		Plan plan = plans.require(code);
		model.addAttribute("plan", plan);
		model.addAttribute("deadline", DATE_TIME.format(plan.registrationDeadline()));
		model.addAttribute("legalBasisDate", plan.legalBasisDate() == null ? "" : DATE.format(plan.legalBasisDate()));
		model.addAttribute("scopeUnits", plan.scopeUnitCodes()
			.stream()
			.map(c -> organization.find(c).map(Unit::name).orElse(c))
			.toList());
		model.addAttribute("history", plans.history(code)
			.stream()
			.map(h -> new HistoryRow(DATE_TIME.format(h.occurredAt()), h.status().label(),
					h.actor() == null ? "" : h.actor(), h.comment() == null ? "" : h.comment()))
			.toList());
		return "plan/detail";
	}

	record HistoryRow(String when, String status, String actor, String comment) {
	}

}
