package vn.dvk.registration.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.SeasonDates;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationFilter;
import vn.dvk.registration.RegistrationPage;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.security.CurrentUser;

/**
 * The unit head's home ({@code /unit}): what they must do now with its deadline (revise a
 * returned registration, file a result report the season asks for, finish a draft), the plans
 * open for registration and the unit's registrations with their status.
 */
@Controller
class UnitHomeController {

	private final RegistrationService registrations;

	private final PlanService plans;

	private final UnitPortal portal;

	UnitHomeController(RegistrationService registrations, PlanService plans, UnitPortal portal) {
		this.registrations = registrations;
		this.plans = plans;
		this.portal = portal;
	}

	@GetMapping("/unit")
	String home(Model model) {
		CurrentUser user = CurrentUser.get();
		List<Unit> units = portal.ownUnits(user);
		Map<String, Optional<Plan>> planCache = new HashMap<>();

		List<Registration> own = new ArrayList<>();
		long total = 0;
		for (Unit unit : units) {
			RegistrationPage page = registrations.search(
					new RegistrationFilter(null, unit.code(), null, null, 0, RegistrationFilter.MAX_SIZE), user);
			own.addAll(page.items());
			total += page.totalItems();
		}
		own.sort(Comparator.comparing(Registration::updatedAt).reversed());
		Set<String> overdue = registrations.resultReportOverdueAmong(own.stream().map(Registration::code).toList());

		model.addAttribute("units", units);
		model.addAttribute("unitNames", String.join(", ", units.stream().map(Unit::name).toList()));
		model.addAttribute("todos", todos(own, overdue, planCache));
		model.addAttribute("openPlans", plans.list()
			.stream()
			.filter(p -> p.status() == PlanStatus.REGISTRATION_OPEN)
			.filter(p -> units.stream().anyMatch(u -> UnitPortal.inScope(p, u)))
			.toList());
		model.addAttribute("registrations", own.stream()
			.map(r -> new Row(r, planTitle(r.planCode(), planCache), overdue.contains(r.code())))
			.toList());
		model.addAttribute("shown", own.size());
		model.addAttribute("total", total);
		return "unit/home";
	}

	private List<Todo> todos(List<Registration> own, Set<String> overdue, Map<String, Optional<Plan>> planCache) {
		List<Todo> todos = new ArrayList<>();
		for (Registration r : own) {
			switch (r.status()) {
				case RETURNED -> todos.add(new Todo(TodoKind.REVISE, r, null, false, returnReason(r.code()),
						"/unit/registrations/" + r.code() + "/edit"));
				case DRAFT -> {
					Instant deadline = plan(r.planCode(), planCache).map(Plan::registrationDeadline).orElse(null);
					todos.add(new Todo(TodoKind.DRAFT, r, deadline, deadline != null && deadline.isBefore(Instant.now()),
							null, "/unit/registrations/" + r.code() + "/edit"));
				}
				case ACCEPTED -> {
					if (registrations.resultReportAwaited(r.code())) {
						SeasonDates season = plans.rules(r.planCode()).season();
						todos.add(new Todo(TodoKind.REPORT, r, season == null ? null : season.resultReportDeadline(),
								overdue.contains(r.code()), null, "/unit/registrations/" + r.code() + "/report"));
					}
				}
				default -> {
				}
			}
		}
		todos.sort(Comparator.comparing(Todo::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
		return todos;
	}

	/** The comment of the latest RETURNED step. */
	private String returnReason(String code) {
		List<HistoryEntry> history = registrations.history(code);
		for (int i = history.size() - 1; i >= 0; i--) {
			HistoryEntry h = history.get(i);
			if (h.status() == RegistrationStatus.RETURNED && "RETURNED".equals(h.action())) {
				return h.comment();
			}
		}
		return null;
	}

	private Optional<Plan> plan(String code, Map<String, Optional<Plan>> cache) {
		return cache.computeIfAbsent(code, plans::find);
	}

	private String planTitle(String code, Map<String, Optional<Plan>> cache) {
		return plan(code, cache).map(Plan::title).orElse(code);
	}

	enum TodoKind {
		REVISE, REPORT, DRAFT
	}

	record Todo(TodoKind kind, Registration registration, Instant deadline, boolean overdue, String reason,
			String url) {
	}

	record Row(Registration registration, String planTitle, boolean reportOverdue) {

		public String badge() {
			return UnitPortal.badge(registration.status());
		}
	}

}
