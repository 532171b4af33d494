package vn.dvk.recognition.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanField;
import vn.dvk.recognition.Assessment;
import vn.dvk.recognition.CriterionMark;
import vn.dvk.recognition.RecognitionSession;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.Recusal;
import vn.dvk.recognition.SessionDetails;
import vn.dvk.recognition.SessionItem;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.ResultReport;
import vn.dvk.registration.SelfEvaluation;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;

/**
 * The portal's page of one council session (linked from the Tasklist forms of
 * RecognitionReviewProcess): the plan's criteria and every model with its unit's result report; a
 * council member assesses each model with one checkbox per criterion; drafters, approvers and
 * operators see every member's assessments, the scores, the outcomes and the decision.
 *
 * <p>
 * Who may read the session is the service's rule ({@code 403} page otherwise). A refused assessment
 * (invalid 400, recused or closed 409) re-renders the page with that status and the Vietnamese
 * reasons next to the model's form; a saved one redirects back (post/redirect/get) to the model's
 * card with a flash message.
 */
@Controller
class RecognitionPageController {

	private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final RecognitionSessionService sessions;

	private final RegistrationService registrations;

	private final MessageSource messages;

	RecognitionPageController(RecognitionSessionService sessions, RegistrationService registrations,
			MessageSource messages) {
		this.sessions = sessions;
		this.registrations = registrations;
		this.messages = messages;
	}

	@GetMapping("/recognition-sessions/{key}")
	String session(@PathVariable String key, Model model) {
		page(key, CurrentUser.get(), null, model);
		return "recognition/session";
	}

	/**
	 * One member's assessment of one model: {@code criterion} lists the criteria shown on the form,
	 * {@code met} the ones ticked (“Đạt”); the others are not met.
	 */
	@PostMapping("/recognition-sessions/{key}/assessments")
	String assess(@PathVariable String key, @RequestParam(required = false) String registrationCode,
			@RequestParam(name = "criterion", required = false) List<String> criteria,
			@RequestParam(name = "met", required = false) List<String> met,
			@RequestParam(required = false) String comment, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		CurrentUser user = CurrentUser.get();
		Set<String> ticked = met == null ? Set.of() : new HashSet<>(met);
		List<CriterionMark> marks = criteria == null ? List.of()
				: criteria.stream().distinct().map(code -> new CriterionMark(code, ticked.contains(code))).toList();
		try {
			sessions.assess(key, registrationCode, marks, comment, user);
		}
		catch (DvkException ex) {
			if (ex.status() == HttpStatus.FORBIDDEN || ex.status() == HttpStatus.NOT_FOUND) {
				throw ex; // the portal's error page
			}
			List<String> reasons = new ArrayList<>();
			reasons.add(text(ex.messageKey(), ex.args()));
			ex.fieldErrors().forEach(f -> reasons.add(text(f.messageKey(), f.args())));
			Failure failure = new Failure(registrationCode, reasons, ticked, comment == null ? "" : comment);
			page(key, user, failure, model);
			response.setStatus(ex.status().value());
			return "recognition/session";
		}
		redirect.addFlashAttribute("savedCode", registrationCode);
		return "redirect:/recognition-sessions/" + UriUtils.encodePathSegment(key, "UTF-8") + "#"
				+ anchor(registrationCode);
	}

	/** The decision PDF for a portal session (the {@code /api} copy asks for HTTP Basic). */
	@GetMapping("/recognition-decisions/{id}/pdf")
	ResponseEntity<byte[]> decisionPdf(@PathVariable long id) {
		byte[] pdf = sessions.decisionPdf(id, CurrentUser.get());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("quyet-dinh-cong-nhan-" + id + ".pdf").build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(pdf);
	}

	// ---------------------------------------------------------------- the page's model

	private void page(String key, CurrentUser user, Failure failure, Model model) {
		SessionDetails d = sessions.get(key, user);
		RecognitionSession s = d.session();
		boolean member = user.isMemberOf(Groups.RECOGNITION_COUNCIL);
		boolean staff = user.isMemberOf(Groups.PLAN_DRAFTERS) || user.isMemberOf(Groups.PLAN_APPROVERS)
				|| user.isMemberOf(Groups.CAMUNDA_ADMIN);
		boolean assessing = RecognitionSession.ASSESSING.equals(s.status());
		Set<String> ownUnits = user.ownUnitCodes();
		List<Criterion> criteria = d.rules().criteria();

		List<ModelCard> cards = new ArrayList<>();
		int recusedCount = 0;
		int assessedByAnyone = 0;
		for (SessionItem item : d.items()) {
			String code = item.registrationCode();
			List<Assessment> assessments = d.assessments().stream().filter(a -> a.registrationCode().equals(code)).toList();
			List<Recusal> recusals = d.recusals().stream().filter(r -> r.registrationCode().equals(code)).toList();
			boolean recused = member && (ownUnits.contains(item.unitCode())
					|| recusals.stream().anyMatch(r -> r.memberId().equals(user.id())));
			if (recused) {
				recusedCount++;
			}
			if (!assessments.isEmpty()) {
				assessedByAnyone++;
			}
			Optional<Assessment> mine = member
					? assessments.stream().filter(a -> a.memberId().equals(user.id())).findFirst() : Optional.empty();
			Failure failed = failure != null && code.equals(failure.registrationCode()) ? failure : null;
			List<FormCriterion> form = criteria.stream()
				.map(c -> new FormCriterion(c.code(), c.text(), c.required(),
						failed != null ? failed.ticked().contains(c.code()) : mine.map(a -> met(a, c.code())).orElse(false)))
				.toList();
			cards.add(new ModelCard(code, anchor(code), item.position(), item.name(), sessions.unitName(item.unitCode()),
					d.plan().field(item.field()).map(PlanField::name).orElse(item.field()), item.kind(),
					report(code, d, criteria), member, recused, member && !recused && assessing,
					mine.map(a -> date(a.assessedAt())).orElse(null), form,
					failed != null ? failed.comment() : mine.map(Assessment::comment).orElse(""),
					failed == null ? List.of() : failed.reasons(),
					staff ? assessments.stream().map(a -> row(a, criteria)).toList() : List.of(),
					staff ? recusals.stream().map(Recusal::memberId).distinct().toList() : List.of(), item.score(),
					item.requiredMet(), item.proposedOutcome(),
					item.finalOutcome() == null ? null : item.finalOutcome().name()));
		}

		model.addAttribute("councilSession", s);
		model.addAttribute("plan", d.plan());
		model.addAttribute("fieldName",
				s.field() == null ? null : d.plan().field(s.field()).map(PlanField::name).orElse(s.field()));
		model.addAttribute("createdAt", date(s.createdAt()));
		model.addAttribute("rules", d.rules());
		model.addAttribute("criteria", criteria);
		model.addAttribute("models", cards);
		model.addAttribute("member", member);
		model.addAttribute("staff", staff);
		model.addAttribute("assessing", assessing);
		if (member) {
			int total = d.items().size() - recusedCount;
			int left = sessions.unassessed(key, user.id(), ownUnits).size();
			model.addAttribute("progressDone", Math.max(0, total - left));
			model.addAttribute("progressTotal", total);
			model.addAttribute("progressComplete", left == 0);
		}
		model.addAttribute("assessedByAnyone", assessedByAnyone);
		model.addAttribute("decision", d.decision()
			.map(x -> new DecisionRow(x.number(), DATE.format(x.date()), "/recognition-decisions/" + x.id() + "/pdf"))
			.orElse(null));
		if (failure != null) {
			// above the list: the reasons, and a link to the model's form where they are repeated
			model.addAttribute("pageErrors", failure.reasons());
			cards.stream()
				.filter(c -> c.code().equals(failure.registrationCode()))
				.findFirst()
				.ifPresent(c -> model.addAttribute("failedCard", c));
		}
	}

	private ReportView report(String code, SessionDetails d, List<Criterion> criteria) {
		Optional<ResultReport> report = registrations.resultReport(code);
		List<SelfEvaluation> self = report.map(ResultReport::selfEvaluation)
			.orElse(d.selfEvaluations().getOrDefault(code, List.of()));
		Map<String, String> texts = new LinkedHashMap<>();
		criteria.forEach(c -> texts.put(c.code(), c.text()));
		List<SelfRow> rows = self.stream()
			.map(e -> new SelfRow(e.criterionCode(), texts.getOrDefault(e.criterionCode(), ""), e.met(),
					e.evidence() == null ? "" : e.evidence()))
			.toList();
		if (report.isEmpty()) {
			return rows.isEmpty() ? null : new ReportView(null, null, null, rows, List.of());
		}
		ResultReport r = report.get();
		List<Long> ids = r.attachmentIds() == null ? List.of() : r.attachmentIds();
		List<AttachmentInfo> evidence = ids.isEmpty() ? List.of()
				: registrations.attachments(code).stream().filter(a -> ids.contains(a.id())).toList();
		return new ReportView(r.results(), r.outputs(), r.filedAt() == null ? null : date(r.filedAt()), rows, evidence);
	}

	private static AssessmentRow row(Assessment a, List<Criterion> criteria) {
		return new AssessmentRow(a.memberId(), criteria.stream().map(c -> met(a, c.code())).toList(),
				a.comment() == null ? "" : a.comment(), date(a.assessedAt()));
	}

	private static boolean met(Assessment a, String criterion) {
		return a.criteria()
			.stream()
			.anyMatch(m -> m != null && criterion.equals(m.code()) && Boolean.TRUE.equals(m.met()));
	}

	static String anchor(String registrationCode) {
		return "model-" + (registrationCode == null ? "" : registrationCode.replaceAll("[^A-Za-z0-9_-]", "_"));
	}

	private static String date(Instant instant) {
		return instant == null ? null : DATE.format(instant.atZone(VN));
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

	/** A refused assessment: what the member sent, and why it was refused. */
	record Failure(String registrationCode, List<String> reasons, Set<String> ticked, String comment) {
	}

	/**
	 * One model's card.
	 *
	 * @param member     the viewer sits on the council
	 * @param recused    the viewer does not assess it (their own unit)
	 * @param canAssess  the viewer may (re)assess it now
	 * @param assessedAt the viewer's assessment date, or null
	 * @param errors     Vietnamese reasons the viewer's last submission was refused
	 */
	record ModelCard(String code, String anchor, int position, String name, String unitName, String fieldName,
			String kind, ReportView report, boolean member, boolean recused, boolean canAssess, String assessedAt,
			List<FormCriterion> criteria, String comment, List<String> errors, List<AssessmentRow> assessments,
			List<String> recusedMembers, Double score, Boolean requiredMet, String proposedOutcome,
			String finalOutcome) {
	}

	record FormCriterion(String code, String text, boolean required, boolean checked) {
	}

	record ReportView(String results, String outputs, String filedAt, List<SelfRow> selfEvaluation,
			List<AttachmentInfo> evidence) {
	}

	record SelfRow(String code, String text, boolean met, String evidence) {
	}

	record AssessmentRow(String memberId, List<Boolean> marks, String comment, String date) {
	}

	record DecisionRow(String number, String date, String pdfUrl) {
	}

}
