package vn.dvk.reporting.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.award.AwardDocumentInfo;
import vn.dvk.award.AwardNominationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.reporting.SummaryExport;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.SeasonStaff;

/**
 * {@code /season/plans/{code}/exports}: the plan's documents for a portal session: the summary
 * XLSX (a twin of {@code /api/reports/summary.xlsx}, which asks for HTTP Basic), each council
 * session's recognition decision PDF ({@code /recognition-decisions/{id}/pdf}) and each award
 * nomination's dossier and certificate PDFs ({@code /awards/nominations/{code}/documents/...}).
 * Downloads are plain GETs that change nothing.
 */
@Controller
class SeasonExportsController {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final PlanService plans;

	private final SummaryExport summary;

	private final RecognitionSessionService sessions;

	private final AwardNominationService nominations;

	private final OrganizationService organization;

	private final MessageSource messages;

	SeasonExportsController(PlanService plans, SummaryExport summary, RecognitionSessionService sessions,
			AwardNominationService nominations, OrganizationService organization, MessageSource messages) {
		this.plans = plans;
		this.summary = summary;
		this.sessions = sessions;
		this.nominations = nominations;
		this.organization = organization;
		this.messages = messages;
	}

	@GetMapping("/season/plans/{code}/exports")
	String exports(@PathVariable String code, Model model) {
		CurrentUser user = SeasonStaff.viewer();
		Plan plan = plans.require(code);
		Map<String, List<AwardDocumentInfo>> documents = new LinkedHashMap<>();
		nominations.documentsOfPlan(code, user)
			.forEach(d -> documents.computeIfAbsent(d.nominationCode(), k -> new java.util.ArrayList<>()).add(d));
		model.addAttribute("plan", plan);
		model.addAttribute("sessions", sessions.sessionsOf(code));
		model.addAttribute("nominations", nominations.list(code, null, user));
		model.addAttribute("documents", documents);
		Map<String, String> unitNames = new LinkedHashMap<>();
		organization.all().forEach(u -> unitNames.put(u.code(), u.name()));
		model.addAttribute("unitNames", unitNames);
		model.addAttribute("fieldNames", fieldNames(plan));
		return "season/exports";
	}

	@GetMapping("/season/plans/{code}/exports/summary.xlsx")
	ResponseEntity<byte[]> summaryXlsx(@PathVariable String code) {
		SeasonStaff.viewer();
		Plan plan = plans.require(code);
		byte[] workbook = summary.xlsx(plan.code());
		String name = messages.getMessage("reporting.summary.fileName", new Object[] { plan.code() }, VI);
		return ResponseEntity.ok()
			.contentType(SummaryController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(name, java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(workbook);
	}

	private static Map<String, String> fieldNames(Plan plan) {
		Map<String, String> names = new LinkedHashMap<>();
		plan.fields().forEach(f -> names.put(f.code(), f.name()));
		return names;
	}

}
