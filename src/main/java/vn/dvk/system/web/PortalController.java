package vn.dvk.system.web;

import java.time.Instant;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;

/**
 * The portal's entry: open plans with their deadlines, and where each person goes next.
 */
@Controller
class PortalController {

	private final PlanService plans;

	private final OpenTasks openTasks;

	PortalController(PlanService plans, OpenTasks openTasks) {
		this.plans = plans;
		this.openTasks = openTasks;
	}

	@GetMapping("/")
	String home(Authentication auth, Model model) {
		List<OpenPlan> open = plans.list()
			.stream()
			.filter(p -> p.status() == PlanStatus.REGISTRATION_OPEN)
			.map(OpenPlan::of)
			.toList();
		model.addAttribute("openPlans", open);
		if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getPrincipal())) {
			CurrentUser user = CurrentUser.of(auth.getName(), auth.getAuthorities());
			model.addAttribute("user", user);
			model.addAttribute("isAdmin", user.isMemberOf(Groups.CAMUNDA_ADMIN));
			model.addAttribute("isUnitHead", user.isMemberOf(Groups.UNIT_HEADS));
			model.addAttribute("isSpecialist", user.isMemberOf(Groups.PLAN_DRAFTERS)
					|| user.isMemberOf(Groups.PLAN_APPROVERS) || user.isMemberOf(Groups.CAMUNDA_ADMIN));
			model.addAttribute("tasks", openTasks.of(user));
		}
		return "system/home";
	}

	@GetMapping("/login")
	String login() {
		return "system/login";
	}

	record OpenPlan(String code, String title, Instant deadline) {

		static OpenPlan of(Plan plan) {
			return new OpenPlan(plan.code(), plan.title(), plan.registrationDeadline());
		}
	}

}
