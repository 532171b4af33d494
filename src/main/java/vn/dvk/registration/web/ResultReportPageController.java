package vn.dvk.registration.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.ResultReport;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * The unit's result report ({@code /unit/registrations/{code}/report}): results, outputs, the
 * self-evaluation of every criterion of the plan (met or not, evidence when met) and evidence
 * files among the registration's attachments. Filed through the registration service while the
 * process asks for it; afterwards the page shows the report as filed.
 */
@Controller
class ResultReportPageController {

	/** The service names the self-evaluation {@code selfEvaluation[i]}; the form calls it {@code criteria[i]}. */
	private static final Map<String, String> RENAMES = Map.of("selfEvaluation[", "criteria[");

	private final RegistrationService registrations;

	private final PlanService plans;

	private final UnitPortal portal;

	ResultReportPageController(RegistrationService registrations, PlanService plans, UnitPortal portal) {
		this.registrations = registrations;
		this.plans = plans;
		this.portal = portal;
	}

	@GetMapping("/unit/registrations/{code}/report")
	String report(@PathVariable String code, Model model) {
		CurrentUser user = CurrentUser.get();
		RegistrationDetails details = own(code, user);
		PlanRules rules = plans.rules(details.registration().planCode());
		page(model, details, rules, ResultReportForm.blank(rules.criteria()));
		return "unit/result-report";
	}

	@PostMapping("/unit/registrations/{code}/report")
	String file(@PathVariable String code, @ModelAttribute("form") ResultReportForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		CurrentUser user = CurrentUser.get();
		RegistrationDetails details = own(code, user);
		PlanRules rules = plans.rules(details.registration().planCode());
		List<ResultReportForm.Entry> entries = form.getCriteria();
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).getMet() == null) {
				result.rejectValue("criteria[" + i + "].met", "registration.field.required", null,
						portal.text("registration.field.required"));
			}
		}
		if (!result.hasErrors()) {
			try {
				registrations.fileResultReport(code, form.toRequest(), user);
				redirect.addFlashAttribute("flash", portal.text("unit.flash.REPORTED", code));
				return "redirect:/registrations/" + code;
			}
			catch (DvkException ex) {
				portal.bind(ex, result, RENAMES);
				response.setStatus(ex.status().value());
			}
		}
		else {
			response.setStatus(400);
		}
		page(model, details, rules, form);
		return "unit/result-report";
	}

	/** The caller's own registration: 404 when not visible, 403 another unit's. */
	private RegistrationDetails own(String code, CurrentUser user) {
		portal.ownUnits(user);
		RegistrationDetails details = registrations.get(code, user);
		if (!UnitPortal.owns(user, details.registration())) {
			throw DvkException.forbidden("registration.report.forbidden");
		}
		return details;
	}

	private void page(Model model, RegistrationDetails details, PlanRules rules, ResultReportForm form) {
		Registration r = details.registration();
		Optional<ResultReport> filed = registrations.resultReport(r.code());
		model.addAttribute("r", r);
		model.addAttribute("form", form);
		model.addAttribute("criteria", rules.criteria());
		model.addAttribute("criterionByCode", rules.criteria().stream()
			.collect(java.util.stream.Collectors.toMap(Criterion::code, c -> c)));
		model.addAttribute("filed", filed.orElse(null));
		model.addAttribute("awaited", filed.isEmpty() && registrations.resultReportAwaited(r.code()));
		model.addAttribute("deadline", rules.season() == null ? null : rules.season().resultReportDeadline());
		model.addAttribute("attachments", details.attachments());
		if (RegistrationService.acceptsAttachments(r.status())) {
			model.addAttribute("upload", portal.upload(r.code(), "report"));
		}
	}

}
