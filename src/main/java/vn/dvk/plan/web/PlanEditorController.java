package vn.dvk.plan.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.dvk.organization.OrganizationService;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanHistoryEntry;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.RecipientKind;
import vn.dvk.plan.ReviewMode;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.SeasonStaff;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.web.PortalDates;

/**
 * The plan editor: a new plan ({@code /season/plans/new}) or one still DRAFT or RETURNED
 * ({@code /season/plans/{code}/edit}), with its rules, saved in one go; "submit for approval"
 * saves and starts PlanIssuanceProcess. Rows are added and removed by the server (the buttons
 * post the form with {@code action=addCriterion}, {@code removeCriterion:2} ...), so the page
 * needs no JavaScript; the typed values come back as they were. Drafters only.
 */
@Controller
class PlanEditorController {

	static final String VIEW = "season/editor";

	private final PlanService plans;

	private final OrganizationService organization;

	private final MessageSource messages;

	private final Clock clock;

	PlanEditorController(PlanService plans, OrganizationService organization, MessageSource messages,
			ObjectProvider<Clock> clock) {
		this.plans = plans;
		this.organization = organization;
		this.messages = messages;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	@GetMapping("/season/plans/new")
	String newPlan(Model model) {
		SeasonStaff.drafter();
		return page(null, PlanForm.blank(LocalDate.now(clock.withZone(PortalDates.ZONE)).getYear()),
				FormErrors.none(), model);
	}

	@PostMapping("/season/plans/new")
	String create(@ModelAttribute("form") PlanForm form, BindingResult binding,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return handle(null, form, binding, action, model, redirect, response);
	}

	@GetMapping("/season/plans/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		SeasonStaff.drafter();
		Plan plan = editable(code);
		return page(plan, PlanForm.of(plan, plans.rules(code)), FormErrors.none(), model);
	}

	@PostMapping("/season/plans/{code}/edit")
	String update(@PathVariable String code, @ModelAttribute("form") PlanForm form, BindingResult binding,
			@RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return handle(code, form, binding, action, model, redirect, response);
	}

	private String handle(String code, PlanForm form, BindingResult binding, String action, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		CurrentUser user = SeasonStaff.drafter();
		Plan plan = code == null ? null : editable(code);
		if (code != null) {
			form.setCode(code);
		}
		if (changeRows(form, action)) {
			return page(plan, form, binding.hasErrors() ? FormErrors.of(binding, messages) : FormErrors.none(),
					model);
		}
		form.compact();
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(plan, form, FormErrors.of(binding, messages), model);
		}
		Plan saved;
		try {
			saved = plans.saveWithRules(code, form.toDraft(), form.toRules(), user.id());
		}
		catch (DvkException ex) {
			return failed(ex, plan, form, model, response);
		}
		String editUrl = "redirect:/season/plans/" + UriUtils.encodePathSegment(saved.code(), "UTF-8") + "/edit";
		if ("submit".equals(action)) {
			try {
				plans.submit(saved.code(), user.id());
			}
			catch (DvkException ex) {
				return failed(ex, saved, PlanForm.of(saved, plans.rules(saved.code())), model, response);
			}
			redirect.addFlashAttribute("notice", text("season.editor.submitted", saved.code()));
			return "redirect:/season";
		}
		redirect.addFlashAttribute("notice", text("season.editor.saved", saved.code()));
		return editUrl;
	}

	/** A field error is shown next to its input (400); a 403, 404 or 409 is the error page. */
	private String failed(DvkException ex, Plan plan, PlanForm form, Model model, HttpServletResponse response) {
		if (ex.fieldErrors().isEmpty() && ex.status() != HttpStatus.BAD_REQUEST) {
			throw ex;
		}
		response.setStatus(ex.status().value());
		return page(plan, form, FormErrors.of(ex, messages), model);
	}

	/** Adds or removes a row when that is what the button asked; false for save and submit. */
	private static boolean changeRows(PlanForm form, String action) {
		switch (action) {
			case "addField" -> form.getFields().add(new PlanForm.FieldRow());
			case "addCriterion" -> form.getCriteria().add(new PlanForm.CriterionRow());
			case "addAward" -> form.getAwards().add(new PlanForm.AwardRow());
			default -> {
				int colon = action.indexOf(':');
				if (colon < 0) {
					return false;
				}
				int index;
				try {
					index = Integer.parseInt(action.substring(colon + 1));
				}
				catch (NumberFormatException ex) {
					return false;
				}
				List<?> rows = switch (action.substring(0, colon)) {
					case "removeField" -> form.getFields();
					case "removeCriterion" -> form.getCriteria();
					case "removeAward" -> form.getAwards();
					default -> null;
				};
				if (rows == null) {
					return false;
				}
				if (index >= 0 && index < rows.size()) {
					rows.remove(index);
				}
			}
		}
		return true;
	}

	private Plan editable(String code) {
		Plan plan = plans.require(code);
		if (!PlanService.editable(plan.status())) {
			throw DvkException.conflict("season.editor.notEditable", code, plan.status().label());
		}
		return plan;
	}

	private String page(Plan plan, PlanForm form, FormErrors errors, Model model) {
		model.addAttribute("plan", plan);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("units", organization.registeringUnits());
		model.addAttribute("reviewModes", ReviewMode.values());
		model.addAttribute("recipientKinds", RecipientKind.values());
		model.addAttribute("outcomes", PlanRules.OUTCOMES);
		model.addAttribute("returnComment", plan == null || plan.status() != PlanStatus.RETURNED ? null
				: plans.history(plan.code())
					.stream()
					.filter(h -> h.status() == PlanStatus.RETURNED)
					.reduce((first, second) -> second)
					.map(PlanHistoryEntry::comment)
					.orElse(null));
		return VIEW;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, java.util.Locale.forLanguageTag("vi"));
	}

}
