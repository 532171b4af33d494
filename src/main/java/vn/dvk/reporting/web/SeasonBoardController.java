package vn.dvk.reporting.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.registration.RegistrationFilter;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.UnitStatusCount;
import vn.dvk.registration.UnregisteredUnits;
import vn.dvk.review.OverdueReviews;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.security.SeasonStaff;
import vn.dvk.shared.web.PortalDates;

/**
 * The season board of a plan ({@code /season/plans/{code}/board}): registrations counted per unit
 * and status (one grouped query), reviews and result reports past due (the longest overdue
 * first, with their totals), the units that have not registered and the "remind them" button.
 * Everything is an aggregate or one bounded page, so the board stays fast with thousands of
 * registrations.
 */
@Controller
class SeasonBoardController {

	static final int OVERDUE_SHOWN = 50;

	static final int LIST_SIZE = 50;

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final PlanService plans;

	private final RegistrationService registrations;

	private final OverdueReviews overdueReviews;

	private final UnregisteredUnits unregistered;

	private final OrganizationService organization;

	private final MessageSource messages;

	private final Clock clock;

	SeasonBoardController(PlanService plans, RegistrationService registrations, OverdueReviews overdueReviews,
			UnregisteredUnits unregistered, OrganizationService organization, MessageSource messages,
			ObjectProvider<Clock> clock) {
		this.plans = plans;
		this.registrations = registrations;
		this.overdueReviews = overdueReviews;
		this.unregistered = unregistered;
		this.organization = organization;
		this.messages = messages;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/season/plans/{code}/board")
	String board(@PathVariable String code, Model model) {
		CurrentUser user = SeasonStaff.viewer();
		Plan plan = plans.require(code);
		Table table = table(registrations.countsByUnitAndStatus(code, user));
		model.addAttribute("plan", plan);
		model.addAttribute("table", table);
		model.addAttribute("overdueReviews", overdueReviews.of(code, OVERDUE_SHOWN, user));
		model.addAttribute("overdueReports", registrations.resultReportsOverdue(code, OVERDUE_SHOWN, user));
		model.addAttribute("unitNames", unitNames());
		boolean open = plan.status() == PlanStatus.REGISTRATION_OPEN;
		model.addAttribute("unregistered", open || plan.status() == PlanStatus.REGISTRATION_CLOSED
				? unregistered.of(plan) : List.of());
		model.addAttribute("registrationStarted", open || plan.status() == PlanStatus.REGISTRATION_CLOSED
				|| plan.status() == PlanStatus.EVALUATION || plan.status() == PlanStatus.CLOSED);
		model.addAttribute("canRemind", open && user.isMemberOf(Groups.PLAN_DRAFTERS));
		model.addAttribute("canOpenSession",
				plan.status() == PlanStatus.EVALUATION && user.isMemberOf(Groups.PLAN_DRAFTERS));
		return "season/board";
	}

	@PostMapping("/season/plans/{code}/board/remind")
	String remind(@PathVariable String code, RedirectAttributes redirect) {
		CurrentUser user = SeasonStaff.drafter();
		Plan plan = plans.require(code);
		LocalDate today = LocalDate.now(clock.withZone(PortalDates.ZONE));
		List<Unit> reminded = unregistered.remindNow(plan, today.toString(), user);
		redirect.addFlashAttribute("notice", reminded.isEmpty() ? text("season.board.remind.nobody")
				: text("season.board.remind.sent", Integer.toString(reminded.size())));
		return "redirect:/season/plans/" + UriUtils.encodePathSegment(code, "UTF-8") + "/board";
	}

	/** The registrations behind one cell of the board, a page at a time, linking to each one's page. */
	@GetMapping("/season/plans/{code}/board/registrations")
	String registrations(@PathVariable String code, @RequestParam(required = false) String unit,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = SeasonStaff.viewer();
		Plan plan = plans.require(code);
		model.addAttribute("plan", plan);
		model.addAttribute("unit", unit);
		model.addAttribute("unitName", unit == null ? null : organization.find(unit).map(Unit::name).orElse(unit));
		model.addAttribute("status", status);
		model.addAttribute("statusLabel", statusLabel(status));
		model.addAttribute("unitNames", unitNames());
		model.addAttribute("result",
				registrations.search(new RegistrationFilter(code, unit, status, null, page, LIST_SIZE), user));
		return "season/board-registrations";
	}

	private Table table(List<UnitStatusCount> counts) {
		Map<String, Map<RegistrationStatus, Long>> byUnit = new LinkedHashMap<>();
		Map<RegistrationStatus, Long> totals = new EnumMap<>(RegistrationStatus.class);
		for (UnitStatusCount c : counts) {
			if (c.status() == RegistrationStatus.DRAFT) {
				continue; // a unit's unsent draft is not a registration yet
			}
			byUnit.computeIfAbsent(c.unitCode(), k -> new EnumMap<>(RegistrationStatus.class)).merge(c.status(),
					c.count(), Long::sum);
			totals.merge(c.status(), c.count(), Long::sum);
		}
		List<RegistrationStatus> columns = new ArrayList<>(totals.keySet());
		List<Row> rows = new ArrayList<>();
		for (Unit unit : organization.all()) {
			Map<RegistrationStatus, Long> cells = byUnit.remove(unit.code());
			if (cells != null) {
				rows.add(new Row(unit.code(), unit.name(), cells, sum(cells)));
			}
		}
		byUnit.forEach((unitCode, cells) -> rows.add(new Row(unitCode, unitCode, cells, sum(cells))));
		return new Table(columns, rows, totals, sum(totals));
	}

	private Map<String, String> unitNames() {
		Map<String, String> names = new LinkedHashMap<>();
		organization.all().forEach(u -> names.put(u.code(), u.name()));
		return names;
	}

	private static String statusLabel(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return RegistrationStatus.valueOf(status.strip()).label();
		}
		catch (IllegalArgumentException ex) {
			return status;
		}
	}

	private static long sum(Map<RegistrationStatus, Long> cells) {
		return cells.values().stream().mapToLong(Long::longValue).sum();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

	/** Statuses present (columns), one row per unit with registrations, in the tree's order. */
	record Table(List<RegistrationStatus> columns, List<Row> rows, Map<RegistrationStatus, Long> totals, long total) {

		public long columnTotal(RegistrationStatus status) {
			return totals.getOrDefault(status, 0L);
		}

	}

	record Row(String unitCode, String unitName, Map<RegistrationStatus, Long> cells, long total) {

		public long count(RegistrationStatus status) {
			return cells.getOrDefault(status, 0L);
		}

	}

}
