package vn.dvk.registration.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationService;
import vn.dvk.security.CurrentUser;

/**
 * The portal's page of one registration (linked from emails and from the Tasklist review form):
 * the ten items, the status history and the attachments, for whoever may see it.
 */
@Controller
class RegistrationPageController {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private final RegistrationService registrations;

	private final PlanService plans;

	private final OrganizationService organization;

	RegistrationPageController(RegistrationService registrations, PlanService plans,
			OrganizationService organization) {
		this.registrations = registrations;
		this.plans = plans;
		this.organization = organization;
	}

	@GetMapping("/registrations/{code}")
	String registration(@PathVariable String code, Model model) {
		RegistrationDetails details = registrations.get(code, CurrentUser.get());
		Registration r = details.registration();
		Plan plan = plans.require(r.planCode());
		model.addAttribute("r", r);
		model.addAttribute("plan", plan);
		model.addAttribute("unitName", unitName(r.unitCode()));
		model.addAttribute("fieldName", plan.field(r.field()).map(PlanField::name).orElse(r.field()));
		model.addAttribute("items", items(r.items()));
		model.addAttribute("history", details.history().stream().map(this::row).toList());
		model.addAttribute("attachments", details.attachments());
		return "registration/detail";
	}

	@GetMapping("/registrations/{code}/attachments/{id}")
	ResponseEntity<byte[]> attachment(@PathVariable String code, @PathVariable long id) {
		return AttachmentDownload.of(registrations.attachment(code, id, CurrentUser.get()));
	}

	private HistoryRow row(HistoryEntry e) {
		return new HistoryRow(DATE_TIME.format(e.occurredAt()), e.status().label(), e.action(),
				e.reviewUnitCode() == null ? "" : unitName(e.reviewUnitCode()), e.actor() == null ? "" : e.actor(),
				e.comment() == null ? "" : e.comment());
	}

	private String unitName(String code) {
		return organization.find(code).map(Unit::name).orElse(code);
	}

	record HistoryRow(String when, String status, String action, String reviewUnit, String actor, String comment) {
	}

	/** The nine items after the name, each with its message key. */
	private static List<ItemRow> items(RegistrationItems i) {
		return List.of(new ItemRow("situation", i.situation()), new ItemRow("objectives", i.objectives()),
				new ItemRow("approach", i.approach()), new ItemRow("beneficiaries", i.beneficiaries()),
				new ItemRow("implementers", i.implementers()), new ItemRow("resources", i.resources()),
				new ItemRow("timeframe", i.timeframe()), new ItemRow("outputs", i.outputs()),
				new ItemRow("sustainability", i.sustainability()));
	}

	record ItemRow(String key, String value) {
	}

}
