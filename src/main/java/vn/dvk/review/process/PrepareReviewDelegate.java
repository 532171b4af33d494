package vn.dvk.review.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationService;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.FormText;

import static vn.dvk.review.process.LevelReviewProcess.Vars;

/**
 * First step of LevelReviewProcess: puts what the reviewers must judge into plain process
 * variables for the review form (the ten items, field, kind, plan, attachments and history as
 * Markdown) and computes the task's due date and the escalation date.
 */
@Component("prepareReviewDelegate")
class PrepareReviewDelegate implements JavaDelegate {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(VIETNAM);

	private final RegistrationService registrations;

	private final PlanService plans;

	private final OrganizationService organization;

	private final Clock clock;

	@Autowired
	PrepareReviewDelegate(RegistrationService registrations, PlanService plans, OrganizationService organization,
			ObjectProvider<Clock> clock) {
		this(registrations, plans, organization, clock.getIfAvailable(Clock::systemDefaultZone));
	}

	PrepareReviewDelegate(RegistrationService registrations, PlanService plans, OrganizationService organization,
			Clock clock) {
		this.registrations = registrations;
		this.plans = plans;
		this.organization = organization;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String code = (String) execution.getVariable(Vars.REGISTRATION_CODE);
		Registration registration = registrations.find(code)
			.orElseThrow(() -> DvkException.notFound("review.registration.notFound", code));
		Optional<Plan> plan = plans.find(registration.planCode());
		String reviewUnitCode = (String) execution.getVariable(Vars.REVIEW_UNIT_CODE);

		Map<String, Object> variables = new LinkedHashMap<>(items(registration.items()));
		variables.put(Vars.KIND_NAME, registration.kind() == null ? "" : registration.kind().label());
		variables.put(Vars.FIELD_NAME, plan.flatMap(p -> p.field(registration.field()))
			.map(PlanField::name)
			.orElse(text(registration.field())));
		variables.put(Vars.PLAN_TITLE, plan.map(Plan::title).orElse(text(registration.planCode())));
		variables.put(Vars.CONTINUING_TEXT, continuingText(registration));
		variables.put(Vars.REVIEW_UNIT_NAME, unitName(reviewUnitCode));
		variables.put(Vars.ATTACHMENT_LINKS, attachmentLinks(code, registrations.attachments(code)));
		variables.put(Vars.HISTORY_TEXT, FormText.fit(historyText(registrations.history(code)), registrationLink(code)));

		Instant now = clock.instant();
		variables.put(Vars.REVIEW_DUE_DATE, Date.from(now.plus(days(execution, Vars.REVIEW_DAYS, code))));
		variables.put(Vars.ESCALATION_DATE, Date.from(now.plus(days(execution, Vars.ESCALATION_DAYS, code))));
		execution.setVariables(variables);
	}

	static Map<String, Object> items(RegistrationItems items) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put(Vars.REGISTRATION_NAME, text(items.name()));
		result.put(Vars.SITUATION, text(items.situation()));
		result.put(Vars.OBJECTIVES, text(items.objectives()));
		result.put(Vars.APPROACH, text(items.approach()));
		result.put(Vars.BENEFICIARIES, text(items.beneficiaries()));
		result.put(Vars.IMPLEMENTERS, text(items.implementers()));
		result.put(Vars.RESOURCES, text(items.resources()));
		result.put(Vars.TIMEFRAME, text(items.timeframe()));
		result.put(Vars.OUTPUTS, text(items.outputs()));
		result.put(Vars.SUSTAINABILITY, text(items.sustainability()));
		return result;
	}

	static String continuingText(Registration registration) {
		if (!registration.continuing()) {
			return ReviewTexts.get("review.continuing.new");
		}
		return registration.previousRegistrationCode() == null ? ReviewTexts.get("review.continuing.yes")
				: ReviewTexts.get("review.continuing.yesFrom", registration.previousRegistrationCode());
	}

	/** Markdown list of links to the portal's attachment page, with file name and size. */
	/** Where the whole registration can be read when a form text had to be cut. */
	static String registrationLink(String code) {
		return "[trang đăng ký](/registrations/" + code + ")";
	}

	static String attachmentLinks(String code, List<AttachmentInfo> attachments) {
		if (attachments.isEmpty()) {
			return ReviewTexts.get("review.attachments.none");
		}
		StringBuilder md = new StringBuilder();
		for (AttachmentInfo attachment : attachments) {
			md.append("- [")
				.append(escape(attachment.fileName()))
				.append("](/registrations/")
				.append(code)
				.append("/attachments/")
				.append(attachment.id())
				.append(") (")
				.append(size(attachment.sizeBytes()))
				.append(")\n");
		}
		return FormText.fit(md.toString().stripTrailing(), registrationLink(code));
	}

	/** Markdown list of the history so far: when, what, at which level, who, why. */
	String historyText(List<HistoryEntry> history) {
		if (history.isEmpty()) {
			return ReviewTexts.get("review.history.none");
		}
		StringBuilder md = new StringBuilder();
		for (HistoryEntry entry : history) {
			md.append("- ")
				.append(entry.occurredAt() == null ? "" : DATE_TIME.format(entry.occurredAt()) + " — ")
				.append(ReviewTexts.getOrDefault("review.action." + entry.action(), text(entry.action())));
			if (entry.reviewUnitCode() != null) {
				md.append(" — ").append(escape(unitName(entry.reviewUnitCode())));
			}
			md.append(" — ")
				.append(entry.actor() == null ? ReviewTexts.get("review.history.system") : escape(entry.actor()));
			if (entry.comment() != null && !entry.comment().isBlank()) {
				md.append(": “").append(escape(entry.comment().strip())).append("”");
			}
			md.append('\n');
		}
		return md.toString().stripTrailing();
	}

	private String unitName(String code) {
		return code == null ? "" : organization.find(code).map(Unit::name).orElse(code);
	}

	private static Duration days(DelegateExecution execution, String variable, String code) {
		Object value = execution.getVariable(variable);
		if (!(value instanceof Number number) || number.longValue() <= 0) {
			throw new DvkException(HttpStatus.CONFLICT, "review.days.missing", variable, code);
		}
		return Duration.ofDays(number.longValue());
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.forLanguageTag("vi"), "%.1f KB", bytes / 1024.0);
		}
		return String.format(Locale.forLanguageTag("vi"), "%.1f MB", bytes / (1024.0 * 1024));
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace("\n", " ");
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

}
