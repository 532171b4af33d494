package vn.dvk.registration.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.SeasonDates;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.security.CurrentUser;

/**
 * The portal's page of one registration (linked from emails and from the Tasklist review form):
 * the ten items, the history as a timeline (who, when, what, comment) and the attachments, for
 * whoever may see it; for the head of its unit also what they may do now (edit a draft, revise a
 * returned registration, file the result report the season asks for, add files).
 */
@Controller
class RegistrationPageController {

	private final RegistrationService registrations;

	private final PlanService plans;

	private final UnitPortal portal;

	RegistrationPageController(RegistrationService registrations, PlanService plans, UnitPortal portal) {
		this.registrations = registrations;
		this.plans = plans;
		this.portal = portal;
	}

	@GetMapping("/registrations/{code}")
	String registration(@PathVariable String code, Model model) {
		CurrentUser user = CurrentUser.get();
		RegistrationDetails details = registrations.get(code, user);
		Registration r = details.registration();
		Plan plan = plans.require(r.planCode());
		boolean owner = UnitPortal.owns(user, r);
		model.addAttribute("r", r);
		model.addAttribute("badge", UnitPortal.badge(r.status()));
		model.addAttribute("plan", plan);
		model.addAttribute("unitName", portal.unitName(r.unitCode()));
		model.addAttribute("fieldName", plan.field(r.field()).map(PlanField::name).orElse(r.field()));
		model.addAttribute("items", items(r.items()));
		model.addAttribute("history", details.history().stream().map(this::step).toList());
		model.addAttribute("attachments", details.attachments());
		model.addAttribute("owner", owner);
		model.addAttribute("actions", owner ? actions(r) : List.of());
		if (owner && RegistrationService.acceptsAttachments(r.status())) {
			model.addAttribute("upload", portal.upload(r.code(), "page"));
		}
		return "registration/detail";
	}

	@GetMapping("/registrations/{code}/attachments/{id}")
	ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id) {
		return AttachmentDownload.of(registrations.attachment(code, id, CurrentUser.get()));
	}

	/** What the unit's head may do now on their registration. */
	private List<Action> actions(Registration r) {
		List<Action> actions = new ArrayList<>();
		switch (r.status()) {
			case DRAFT -> actions.add(new Action("EDIT", "/unit/registrations/" + r.code() + "/edit", null, false));
			case RETURNED -> actions.add(new Action("REVISE", "/unit/registrations/" + r.code() + "/edit", null, false));
			case ACCEPTED -> {
				if (registrations.resultReportAwaited(r.code())) {
					SeasonDates season = plans.rules(r.planCode()).season();
					actions.add(new Action("REPORT", "/unit/registrations/" + r.code() + "/report",
							season == null ? null : season.resultReportDeadline(),
							registrations.resultReportOverdue(r.code())));
				}
			}
			default -> {
			}
		}
		if (registrations.resultReport(r.code()).isPresent()) {
			actions.add(new Action("VIEW_REPORT", "/unit/registrations/" + r.code() + "/report", null, false));
		}
		return actions;
	}

	private Step step(HistoryEntry e) {
		String what = portal.text("unit.history.action." + e.action(), (Object[]) null);
		if (what.startsWith("unit.history.action.")) {
			what = e.status().label();
		}
		return new Step(e.occurredAt(), what, e.status(), e.reviewUnitCode() == null ? null : portal.unitName(e.reviewUnitCode()),
				e.actor(), e.comment(), UnitPortal.badge(e.status()));
	}

	/** The nine items after the name, each with its message key. */
	private static List<ItemRow> items(RegistrationItems i) {
		return List.of(new ItemRow("situation", i.situation()), new ItemRow("objectives", i.objectives()),
				new ItemRow("approach", i.approach()), new ItemRow("beneficiaries", i.beneficiaries()),
				new ItemRow("implementers", i.implementers()), new ItemRow("resources", i.resources()),
				new ItemRow("timeframe", i.timeframe()), new ItemRow("outputs", i.outputs()),
				new ItemRow("sustainability", i.sustainability()));
	}

	/** One step of the timeline: when, what (in words), the status after it, the level, who, the comment. */
	record Step(Instant when, String what, RegistrationStatus status, String reviewUnit, String actor, String comment,
			String badge) {
	}

	/** EDIT, REVISE, REPORT or VIEW_REPORT (message {@code unit.detail.<kind>}), with the deadline when there is one. */
	record Action(String kind, String url, Instant deadline, boolean overdue) {
	}

	record ItemRow(String key, String value) {
	}

}
