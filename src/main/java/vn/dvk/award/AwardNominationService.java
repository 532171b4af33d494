package vn.dvk.award;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.award.process.NominationWorkflow;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.AwardType;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.RecipientKind;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationService;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * Award nominations: proposing (quota, no second award of the same achievement), the outside
 * authority's decision, revocation, and the steps {@code AwardNominationProcess} records.
 */
@Service
public class AwardNominationService {

	public static final long DECISION_FILE_MAX_BYTES = 10L * 1024 * 1024;

	static final int TEXT_MAX = 4000;

	/** Mail template (templates/mail/award-revoked.html) sent when an award is revoked. */
	static final String REVOKED_MAIL = "award-revoked";

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final NominationRepository repository;

	private final PlanService plans;

	private final RegistrationService registrations;

	private final RecognizedModelRegister register;

	private final OrganizationService organization;

	private final NominationWorkflow workflow;

	private final NotificationService notifications;

	private final Clock clock;

	AwardNominationService(NominationRepository repository, PlanService plans, RegistrationService registrations,
			RecognizedModelRegister register, OrganizationService organization, NominationWorkflow workflow,
			NotificationService notifications, Clock clock) {
		this.repository = repository;
		this.plans = plans;
		this.registrations = registrations;
		this.register = register;
		this.organization = organization;
		this.workflow = workflow;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * A specialist proposes an award. Serialised per plan and award type, so two nominations
	 * racing for the last slot of a quota cannot both pass.
	 */
	@Transactional
	public Nomination nominate(NominationRequest request, CurrentUser user) {
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("award.nomination.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "planCode", request.planCode());
		require(problems, "awardType", request.awardType());
		require(problems, "achievement", request.achievement());
		if (request.achievement() != null && request.achievement().length() > TEXT_MAX) {
			problems.add(new FieldProblem("achievement", "award.field.tooLong", TEXT_MAX));
		}
		RecipientKind kind = recipientKind(request.recipientKind(), problems);
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		plans.require(request.planCode().strip());
		PlanRules rules = plans.rules(request.planCode().strip());
		AwardType type = rules.awards()
			.stream()
			.filter(a -> a.code().equals(request.awardType().strip()))
			.findFirst()
			.orElseThrow(() -> DvkException.invalid(List.of(new FieldProblem("awardType", "award.type.unknown",
					request.awardType().strip()))));
		if (type.recipients() != RecipientKind.BOTH && type.recipients() != kind) {
			throw DvkException.invalid(List.of(new FieldProblem("recipientKind", "award.recipientKind.notAllowed",
					type.name(), type.recipients().label().toLowerCase(Locale.forLanguageTag("vi")))));
		}
		Recipient recipient = kind == RecipientKind.COLLECTIVE ? collective(request) : individual(request);

		String planCode = request.planCode().strip();
		repository.lockQuota(planCode, type.code());
		Optional<Nomination> same = repository.findSameAchievement(planCode, type.code(), recipient.achievementKey());
		if (same.isPresent()) {
			throw DvkException.conflict("award.nomination.duplicate", recipient.name(), type.name(),
					same.get().code(), same.get().status().label());
		}
		if (type.quota() != null && repository.countHoldingSlots(planCode, type.code()) >= type.quota()) {
			throw DvkException.conflict("award.quota.reached", type.name(), type.quota());
		}
		Instant now = clock.instant();
		Nomination nomination = new Nomination(nextCode(now), planCode, type.code(), type.name(), type.authority(),
				type.external(), kind, recipient.registrationCode(), recipient.personName(),
				recipient.personPosition(), recipient.name(), recipient.unitCode(), request.achievement().strip(),
				NominationStatus.PROPOSED, user.id(), now, null, null);
		repository.insert(nomination, recipient.achievementKey());
		repository.appendHistory(nomination.code(),
				new NominationHistoryEntry(NominationStatus.PROPOSED, "PROPOSED", user.id(), null, now));
		workflow.start(nomination, user.id());
		return nomination;
	}

	/** Nominations, newest first, filtered by plan and status; staff see all, a unit head their units'. */
	@Transactional(readOnly = true)
	public List<Nomination> list(String planCode, String status, CurrentUser user) {
		NominationStatus wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = NominationStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw DvkException.invalid(List.of(new FieldProblem("status", "award.status.unknown", status)));
			}
		}
		return repository.search(blankToNull(planCode), wanted).stream().filter(n -> visible(n, user)).toList();
	}

	/** One nomination with history and documents; 404 for what the caller may not see. */
	@Transactional(readOnly = true)
	public NominationDetails get(String code, CurrentUser user) {
		Nomination nomination = repository.find(code).filter(n -> visible(n, user)).orElseThrow(() -> notFound(code));
		return new NominationDetails(nomination, repository.history(code), repository.documents(code));
	}

	/**
	 * The documents (dossier parts, certificates) of every nomination of a plan, in one query;
	 * for staff who see every unit (403 otherwise).
	 */
	@Transactional(readOnly = true)
	public List<AwardDocumentInfo> documentsOfPlan(String planCode, CurrentUser user) {
		if (!user.seesAllUnits()) {
			throw DvkException.forbidden("registration.staffOnly");
		}
		return repository.documentsOfPlan(planCode);
	}

	/** A stored PDF (dossier part or certificate) of a nomination the caller may see. */
	@Transactional(readOnly = true)
	public byte[] document(String code, String name, CurrentUser user) {
		repository.find(code).filter(n -> visible(n, user)).orElseThrow(() -> notFound(code));
		return repository.documentContent(code, name)
			.orElseThrow(() -> DvkException.notFound("award.document.notFound", name, code));
	}

	/** The scanned decision of the awarding authority. */
	@Transactional(readOnly = true)
	public Optional<byte[]> decisionFile(String code, CurrentUser user) {
		repository.find(code).filter(n -> visible(n, user)).orElseThrow(() -> notFound(code));
		return repository.decisionFile(code);
	}

	/**
	 * A clerk records the outside authority's decision (with its scanned file) and so completes
	 * the nomination's waiting task.
	 */
	@Transactional
	public Nomination recordAuthorityDecision(String code, AuthorityDecisionRequest request, CurrentUser user) {
		if (!user.isMemberOf(Groups.AWARD_CLERKS)) {
			throw DvkException.forbidden("award.decision.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String outcome = request.outcome() == null ? null : request.outcome().strip();
		if (!"AWARDED".equals(outcome) && !"DECLINED".equals(outcome)) {
			problems.add(new FieldProblem("outcome", "award.decision.outcome.invalid"));
		}
		require(problems, "number", request.number());
		if (request.date() == null) {
			problems.add(new FieldProblem("date", "award.field.required"));
		}
		else if (request.date().isAfter(LocalDate.now(clock.withZone(VIETNAM)))) {
			problems.add(new FieldProblem("date", "award.decision.date.future"));
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		String fileType = null;
		if (request.file() != null && request.file().length > 0) {
			if (request.file().length > DECISION_FILE_MAX_BYTES) {
				throw new DvkException(HttpStatus.PAYLOAD_TOO_LARGE, "award.decision.file.tooLarge",
						request.fileName());
			}
			fileType = ScannedFileTypes.sniff(request.file())
				.orElseThrow(() -> new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "award.decision.file.type",
						request.fileName()));
		}
		Nomination nomination = repository.findForUpdate(code).orElseThrow(() -> notFound(code));
		if (nomination.status() != NominationStatus.AWAITING_AUTHORITY) {
			throw DvkException.conflict("award.decision.notAwaiting", code, nomination.status().label());
		}
		String authority = blankToNull(request.authority()) == null ? nomination.awardAuthority()
				: request.authority().strip();
		repository.updateDecision(code, request.number().strip(), request.date(), authority,
				fileType == null ? null : fileName(request.fileName(), fileType), fileType,
				fileType == null ? null : request.file(), user.id(), clock.instant());
		workflow.completeAuthorityDecision(code, outcome, request.number().strip(), request.date(), authority,
				user.id());
		return repository.find(code).orElseThrow();
	}

	/**
	 * Revokes an award obtained wrongly; the record and its history stay. The recipient's unit and
	 * the drafters are emailed (template award-revoked, with the reason and the legal basis) in
	 * the same transaction.
	 */
	@Transactional
	public Nomination revoke(String code, String reason, String legalBasis, CurrentUser user) {
		if (!user.isMemberOf(Groups.AWARD_APPROVERS)) {
			throw DvkException.forbidden("award.revoke.forbidden");
		}
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "reason", reason);
		require(problems, "legalBasis", legalBasis);
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		Nomination nomination = repository.findForUpdate(code).orElseThrow(() -> notFound(code));
		if (nomination.status() != NominationStatus.AWARDED) {
			throw DvkException.conflict("award.revoke.notAwarded", code, nomination.status().label());
		}
		Instant now = clock.instant();
		repository.revoke(code, new Revocation(reason.strip(), legalBasis.strip(), user.id(), now));
		repository.appendHistory(code, new NominationHistoryEntry(NominationStatus.REVOKED, "REVOKED", user.id(),
				reason.strip() + " (Căn cứ: " + legalBasis.strip() + ")", now));
		notifications.enqueue("award-revoked:" + code, REVOKED_MAIL,
				List.of("unit-" + nomination.unitCode(), Groups.PLAN_DRAFTERS),
				revokedMail(nomination, reason.strip(), legalBasis.strip(), user.id(), now));
		return repository.find(code).orElseThrow();
	}

	private Map<String, Object> revokedMail(Nomination n, String reason, String legalBasis, String actor,
			Instant at) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("nominationCode", n.code());
		model.put("planCode", n.planCode());
		model.put("awardName", n.awardName());
		model.put("recipientKind", n.recipientKind().name());
		model.put("recipientName", n.recipientName());
		model.put("recipientUnitName", organization.find(n.unitCode()).map(Unit::name).orElse(n.unitCode()));
		if (n.decision() != null) {
			model.put("decisionNumber", n.decision().number());
			model.put("decisionDate", n.decision().date());
			model.put("decisionAuthority", n.decision().authority());
		}
		model.put("reason", reason);
		model.put("legalBasis", legalBasis);
		model.put("revokedBy", actor);
		model.put("revokedAt", at);
		return model;
	}

	// --- steps of AwardNominationProcess (no access check: the engine already decided) ---

	/** The nomination, for the process's delegates. */
	public Nomination require(String code) {
		return repository.find(code).orElseThrow(() -> notFound(code));
	}

	/** Records a status the process has reached, with its action, actor and comment. */
	@Transactional
	public void changeStatus(String code, NominationStatus status, String action, String actor, String comment) {
		repository.findForUpdate(code).orElseThrow(() -> notFound(code));
		repository.updateStatus(code, status);
		repository.appendHistory(code,
				new NominationHistoryEntry(status, action, actor, blankToNull(comment), clock.instant()));
	}

	/** A revised achievement text (a returned nomination edited by the drafters). */
	@Transactional
	public void reviseAchievement(String code, String achievement) {
		if (achievement != null && !achievement.isBlank() && !achievement.strip().equals(require(code).achievement())) {
			repository.updateAchievement(code, achievement.strip());
		}
	}

	/**
	 * Records the awarding decision the process carries (Tasklist entry of a clerk, or the
	 * board's own approval of an internal award); a scanned file recorded before is kept.
	 */
	@Transactional
	public void recordDecision(String code, String number, LocalDate date, String authority, String actor) {
		Nomination nomination = require(code);
		repository.updateDecision(code, blankToNull(number), date == null ? today() : date,
				blankToNull(authority) == null ? nomination.awardAuthority() : authority.strip(), null, null, null,
				actor, clock.instant());
	}

	/** Stores a PDF of the nomination (dossier part or certificate), replacing one of the same name. */
	@Transactional
	public void storeDocument(String code, String name, String title, byte[] pdf) {
		repository.saveDocument(code, name, title, pdf, clock.instant());
	}

	/** Awards in force (AWARDED) of a plan by type and recipient kind. */
	List<AwardCount> countsInForce(String planCode) {
		return repository.countsInForce(planCode);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(VIETNAM));
	}

	private Recipient collective(NominationRequest request) {
		if (blankToNull(request.registrationCode()) == null) {
			throw DvkException.invalid(List.of(new FieldProblem("registrationCode", "award.field.required")));
		}
		String code = request.registrationCode().strip();
		Registration registration = registrations.find(code)
			.orElseThrow(() -> DvkException.invalid(
					List.of(new FieldProblem("registrationCode", "award.registration.unknown", code))));
		if (!registration.planCode().equals(request.planCode().strip())) {
			throw DvkException.invalid(List.of(new FieldProblem("registrationCode", "award.registration.otherPlan",
					code, registration.planCode())));
		}
		if (register.ofRegistration(code).isEmpty()) {
			throw DvkException.conflict("award.registration.notRecognized", registration.name(), code);
		}
		return new Recipient(code, null, null, registration.name(), registration.unitCode(), "R:" + code);
	}

	private Recipient individual(NominationRequest request) {
		NominationRequest.Person person = request.person();
		List<FieldProblem> problems = new ArrayList<>();
		if (person == null) {
			problems.add(new FieldProblem("person", "award.field.required"));
		}
		else {
			require(problems, "person.fullName", person.fullName());
			require(problems, "person.position", person.position());
			require(problems, "person.unitCode", person.unitCode());
			if (blankToNull(person.unitCode()) != null && !organization.exists(person.unitCode().strip())) {
				problems.add(new FieldProblem("person.unitCode", "award.unit.unknown", person.unitCode()));
			}
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		String name = person.fullName().strip().replaceAll("\\s+", " ");
		String unit = person.unitCode().strip();
		return new Recipient(null, name, person.position().strip(), name, unit, "P:" + personKey(name) + "|" + unit);
	}

	/** The same person however the name was typed: NFC, lower case, single spaces. */
	static String personKey(String fullName) {
		return Normalizer.normalize(fullName, Normalizer.Form.NFC)
			.strip()
			.replaceAll("\\s+", " ")
			.toLowerCase(Locale.forLanguageTag("vi"));
	}

	private String nextCode(Instant now) {
		int year = now.atZone(VIETNAM).getYear();
		repository.lockCodesOf(year);
		return "KT-%d-%04d".formatted(year, repository.highestSequenceOf(year) + 1);
	}

	private static RecipientKind recipientKind(String value, List<FieldProblem> problems) {
		if ("COLLECTIVE".equals(value)) {
			return RecipientKind.COLLECTIVE;
		}
		if ("INDIVIDUAL".equals(value)) {
			return RecipientKind.INDIVIDUAL;
		}
		problems.add(new FieldProblem("recipientKind", "award.recipientKind.invalid"));
		return null;
	}

	static boolean visible(Nomination nomination, CurrentUser user) {
		return user.seesAllUnits() || user.ownUnitCodes().contains(nomination.unitCode());
	}

	private static void require(List<FieldProblem> problems, String field, String value) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "award.field.required"));
		}
	}

	private static String fileName(String given, String type) {
		if (given != null && !given.isBlank()) {
			return given.strip();
		}
		return "quyet-dinh" + switch (type) {
			case "application/pdf" -> ".pdf";
			case "image/png" -> ".png";
			default -> ".jpg";
		};
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static DvkException notFound(String code) {
		return DvkException.notFound("award.nomination.notFound", code);
	}

	private record Recipient(String registrationCode, String personName, String personPosition, String name,
			String unitCode, String achievementKey) {
	}

}
