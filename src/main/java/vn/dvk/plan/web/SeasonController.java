package vn.dvk.plan.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.security.SeasonStaff;

/**
 * {@code /season}: the specialists' entry page, every plan with its status and the links to edit
 * it (while it may be edited), its board and its exports.
 */
@Controller
class SeasonController {

	private final PlanService plans;

	SeasonController(PlanService plans) {
		this.plans = plans;
	}

	@GetMapping("/season")
	String season(Model model) {
		CurrentUser user = SeasonStaff.viewer();
		boolean drafter = user.isMemberOf(Groups.PLAN_DRAFTERS);
		model.addAttribute("drafter", drafter);
		model.addAttribute("plans", plans.list()
			.stream()
			.map(p -> new PlanRow(p, drafter && PlanService.editable(p.status())))
			.toList());
		return "season/index";
	}

	record PlanRow(Plan plan, boolean editable) {
	}

}
