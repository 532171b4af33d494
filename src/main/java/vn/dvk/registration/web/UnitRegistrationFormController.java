package vn.dvk.registration.web;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationFilter;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * The unit head's registration form: a new registration under a plan
 * ({@code /unit/registrations/new?plan=}) and the edit of a DRAFT or RETURNED one
 * ({@code /unit/registrations/{code}/edit}). “Save” keeps a draft (or a returned registration
 * unsent), “submit” sends it for review (a returned one is handed back to its process and
 * reviewed again from the first level). The services decide; their errors are shown next to
 * the fields with the typed values kept; a success redirects to the registration's page.
 */
@Controller
class UnitRegistrationFormController {

	static final String SUBMIT = "submit";

	/** The nine items after the name, in the order of the paper form. */
	static final List<String> ITEMS = List.of("situation", "objectives", "approach", "beneficiaries", "implementers",
			"resources", "timeframe", "outputs", "sustainability");

	private final RegistrationService registrations;

	private final PlanService plans;

	private final UnitPortal portal;

	UnitRegistrationFormController(RegistrationService registrations, PlanService plans, UnitPortal portal) {
		this.registrations = registrations;
		this.plans = plans;
		this.portal = portal;
	}

	@GetMapping("/unit/registrations/new")
	String newRegistration(@RequestParam(name = "plan", required = false) String planCode, Model model) {
		CurrentUser user = CurrentUser.get();
		List<Unit> units = portal.ownUnits(user);
		Plan plan = requirePlan(planCode);
		RegistrationForm form = new RegistrationForm();
		form.setPlanCode(plan.code());
		if (units.size() == 1) {
			form.setUnitCode(units.get(0).code());
		}
		page(model, user, units, plan, form, null);
		return "unit/registration-form";
	}

	@PostMapping("/unit/registrations")
	String create(@ModelAttribute("form") RegistrationForm form, BindingResult result,
			@RequestParam(name = "action", defaultValue = "save") String action, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CurrentUser user = CurrentUser.get();
		List<Unit> units = portal.ownUnits(user);
		boolean submit = SUBMIT.equals(action);
		try {
			Registration created = registrations.create(form.toRequest(submit), user, null).registration();
			redirect.addFlashAttribute("flash", portal.text(submit ? "unit.flash.SUBMITTED" : "unit.flash.DRAFTED",
					created.code()));
			return "redirect:/registrations/" + created.code();
		}
		catch (DvkException ex) {
			portal.bind(ex, result, Map.of());
			response.setStatus(ex.status().value());
			page(model, user, units, requirePlan(form.getPlanCode()), form, null);
			return "unit/registration-form";
		}
	}

	@GetMapping("/unit/registrations/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		CurrentUser user = CurrentUser.get();
		List<Unit> units = portal.ownUnits(user);
		Registration r = revisable(code, user);
		page(model, user, units, plans.require(r.planCode()), RegistrationForm.of(r), r);
		return "unit/registration-form";
	}

	@PostMapping("/unit/registrations/{code}/edit")
	String revise(@PathVariable String code, @ModelAttribute("form") RegistrationForm form, BindingResult result,
			@RequestParam(name = "action", defaultValue = "save") String action, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CurrentUser user = CurrentUser.get();
		List<Unit> units = portal.ownUnits(user);
		Registration before = revisable(code, user);
		boolean submit = SUBMIT.equals(action);
		form.setPlanCode(before.planCode());
		form.setUnitCode(before.unitCode());
		try {
			registrations.revise(code, form.toRequest(submit), user);
			String flash = !submit ? "unit.flash.SAVED"
					: before.status() == RegistrationStatus.RETURNED ? "unit.flash.RESUBMITTED" : "unit.flash.SUBMITTED";
			redirect.addFlashAttribute("flash", portal.text(flash, code));
			return "redirect:/registrations/" + code;
		}
		catch (DvkException ex) {
			portal.bind(ex, result, Map.of());
			response.setStatus(ex.status().value());
			page(model, user, units, plans.require(before.planCode()), form, before);
			return "unit/registration-form";
		}
	}

	/** The caller's own DRAFT or RETURNED registration: 404 when not visible, 403 another unit's, 409 otherwise. */
	private Registration revisable(String code, CurrentUser user) {
		Registration r = registrations.get(code, user).registration();
		if (!UnitPortal.owns(user, r)) {
			throw DvkException.forbidden("registration.revise.forbidden");
		}
		if (r.status() != RegistrationStatus.DRAFT && r.status() != RegistrationStatus.RETURNED) {
			throw DvkException.conflict("registration.revise.illegalStatus", code, r.status().label());
		}
		return r;
	}

	private Plan requirePlan(String planCode) {
		if (planCode == null || planCode.isBlank()) {
			throw DvkException.notFound("registration.plan.notFound", "");
		}
		return plans.find(planCode.strip())
			.orElseThrow(() -> DvkException.notFound("registration.plan.notFound", planCode));
	}

	private void page(Model model, CurrentUser user, List<Unit> units, Plan plan, RegistrationForm form,
			Registration existing) {
		model.addAttribute("form", form);
		model.addAttribute("plan", plan);
		model.addAttribute("units", units);
		model.addAttribute("kinds", RegistrationKind.values());
		model.addAttribute("itemKeys", ITEMS);
		model.addAttribute("previousOptions", previousOptions(user, units, plan, existing));
		model.addAttribute("r", existing);
		model.addAttribute("returned", existing != null && existing.status() == RegistrationStatus.RETURNED);
		if (existing != null) {
			RegistrationDetails details = registrations.get(existing.code(), user);
			model.addAttribute("returnReason", returnReason(details.history()));
			model.addAttribute("attachments", details.attachments());
			model.addAttribute("upload", portal.upload(existing.code(), "edit"));
		}
	}

	/** The unit's registrations under plans of earlier years (what a continuing model continues), newest first. */
	private List<PreviousOption> previousOptions(CurrentUser user, List<Unit> units, Plan plan,
			Registration existing) {
		Map<String, Optional<Plan>> cache = new HashMap<>();
		return units.stream()
			.flatMap(u -> registrations
				.search(new RegistrationFilter(null, u.code(), null, null, 0, RegistrationFilter.MAX_SIZE), user)
				.items()
				.stream())
			.filter(r -> existing == null || !r.code().equals(existing.code()))
			.filter(r -> r.status() != RegistrationStatus.DRAFT)
			.map(r -> new PreviousOption(r.code(), r.name(),
					cache.computeIfAbsent(r.planCode(), plans::find).map(Plan::year).orElse(0), r.status().label()))
			.filter(o -> o.year() > 0 && o.year() < plan.year())
			.sorted(Comparator.comparing(PreviousOption::year).reversed().thenComparing(PreviousOption::code))
			.toList();
	}

	private static String returnReason(List<HistoryEntry> history) {
		for (int i = history.size() - 1; i >= 0; i--) {
			if ("RETURNED".equals(history.get(i).action())) {
				return history.get(i).comment();
			}
		}
		return null;
	}

	record PreviousOption(String code, String name, int year, String statusLabel) {
	}

}
