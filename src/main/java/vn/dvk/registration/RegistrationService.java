package vn.dvk.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Plan;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.registration.RegistrationRepository.Criteria;
import vn.dvk.registration.RegistrationRepository.IdempotentRegistration;
import vn.dvk.registration.RegistrationRepository.StoredResultReport;
import vn.dvk.registration.process.RegistrationWorkflow;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * Registrations: public API of the registration module. Methods taking a {@code CurrentUser}
 * check access; the others are for the processes and other modules. Each method is one
 * transaction: the engine joins it, so a failed process start or task completion leaves nothing.
 *
 * <p>Access: a unit head ({@code unit-<code>}) writes only their own units' registrations;
 * reading is allowed to the own units, to every unit below a unit the caller reviews for
 * ({@code reviewers-<code>}), to a council member for the registrations on a recognition session
 * (marked by {@link #putBeforeCouncil}), and to everything for {@link CurrentUser#seesAllUnits()}. A
 * registration the caller may not read is reported as not found (404) on every call, with
 * nothing of it in the answer.
 */
@Service
public class RegistrationService {

	static final int NAME_MAX = 500;

	/** Each item is shown to the reviewers as a process variable, which holds at most 4000 characters. */
	static final int ITEM_MAX = 4_000;

	static final int IDEMPOTENCY_KEY_MAX = 200;

	/** Largest attachment accepted (10 MB, as the multipart limit of application.yaml). */
	public static final long ATTACHMENT_MAX_BYTES = 10L * 1024 * 1024;

	static final int ATTACHMENTS_MAX = 20;

	private static final Set<RegistrationStatus> REVISABLE = EnumSet.of(RegistrationStatus.DRAFT,
			RegistrationStatus.RETURNED);

	/** Files may be added while the registration is written, reviewed, implemented and reported on. */
	private static final Set<RegistrationStatus> ATTACHABLE = EnumSet.of(RegistrationStatus.DRAFT,
			RegistrationStatus.SUBMITTED, RegistrationStatus.IN_REVIEW, RegistrationStatus.RETURNED,
			RegistrationStatus.ACCEPTED, RegistrationStatus.REPORTED);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<List<SelfEvaluation>> SELF_EVALUATION = new TypeReference<>() {
	};

	private static final TypeReference<List<Long>> IDS = new TypeReference<>() {
	};

	private static final DateTimeFormatter DEADLINE_FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	private final RegistrationRepository repository;

	private final RegistrationWorkflow workflow;

	private final PlanService plans;

	private final OrganizationService organization;

	private final AttachmentTypes attachmentTypes;

	private final ApplicationEventPublisher events;

	RegistrationService(RegistrationRepository repository, RegistrationWorkflow workflow, PlanService plans,
			OrganizationService organization, AttachmentTypes attachmentTypes, ApplicationEventPublisher events) {
		this.repository = repository;
		this.workflow = workflow;
		this.plans = plans;
		this.organization = organization;
		this.attachmentTypes = attachmentTypes;
		this.events = events;
	}

	// ---------------------------------------------------------------- unit heads, reviewers, staff

	/**
	 * Registers a model or exemplar of the caller's unit: SUBMITTED (starting
	 * ModelRegistrationProcess) or, with {@code submit=false}, DRAFT. With an idempotency key the
	 * same key of the same user returns the first registration and creates nothing; the same key
	 * with a different request is refused with 409.
	 */
	@Transactional
	public CreatedRegistration create(RegistrationRequest request, CurrentUser user, String idempotencyKey) {
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		List<FieldProblem> problems = new ArrayList<>();
		if (key != null && key.length() > IDEMPOTENCY_KEY_MAX) {
			problems.add(new FieldProblem("Idempotency-Key", "registration.field.idempotencyKey",
					IDEMPOTENCY_KEY_MAX));
		}
		if (blank(request.planCode())) {
			problems.add(new FieldProblem("planCode", "registration.field.required"));
		}
		RegistrationKind kind = kind(request.kind(), problems);
		if (blank(request.field())) {
			problems.add(new FieldProblem("field", "registration.field.required"));
		}
		validateItems(request.items(), request.submitting(), problems);
		if (request.isContinuing() && blank(request.previousRegistrationCode())) {
			problems.add(new FieldProblem("previousRegistrationCode", "registration.field.previousRequired"));
		}
		String unitCode = ownUnit(request.unitCode(), user, problems);
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}

		String hash = key == null ? null : fingerprint(request, unitCode);
		if (key != null) {
			Optional<IdempotentRegistration> earlier = repository.findByIdempotencyKey(user.id(), key);
			if (earlier.isPresent()) {
				return replay(earlier.get(), hash);
			}
		}

		Plan plan = plans.find(request.planCode().strip())
			.orElseThrow(() -> DvkException.notFound("registration.plan.notFound", request.planCode()));
		requireOpen(plan);
		Unit unit = organization.require(unitCode);
		if (!inScope(plan, unit)) {
			throw DvkException.conflict("registration.plan.unitOutOfScope", unit.name(), plan.title());
		}
		String field = requireField(plan, request.field().strip());
		String previous = null;
		if (request.isContinuing()) {
			previous = request.previousRegistrationCode().strip();
			if (!repository.existsForUnit(previous, unitCode)) {
				throw DvkException.invalid(List.of(new FieldProblem("previousRegistrationCode",
						"registration.field.previousNotFound", previous)));
			}
		}

		Instant now = now();
		boolean submitting = request.submitting();
		RegistrationStatus status = submitting ? RegistrationStatus.SUBMITTED : RegistrationStatus.DRAFT;
		Registration registration = new Registration(repository.nextCode(plan.year()), plan.code(), unitCode, kind,
				field, request.isContinuing(), previous, trimmed(request.items()), status, user.id(), now, now,
				submitting ? now : null);
		if (!repository.insert(registration, key, hash)) {
			// a concurrent request with the same key won the unique index
			return replay(repository.findByIdempotencyKey(user.id(), key).orElseThrow(), hash);
		}
		repository.appendHistory(registration.code(), status, submitting ? "SUBMITTED" : "DRAFTED", null, user.id(),
				null, now);
		if (submitting) {
			workflow.start(registration, plan, user);
		}
		// the process may already have moved it on (IN_REVIEW) within this transaction
		return new CreatedRegistration(repository.find(registration.code()).orElseThrow(), false);
	}

	/**
	 * Revises a DRAFT or RETURNED registration of the caller's unit (kind, field, the ten items,
	 * and new/continuing with the earlier registration when {@code continuing} is given; null keeps them).
	 * With {@code submit} (default): a DRAFT is submitted (the process starts); a RETURNED one is
	 * handed back to its process (UserTask_ReviseRegistration completes, the process marks it
	 * SUBMITTED again and the reviews restart). A RETURNED revision always adds a REVISED entry.
	 */
	@Transactional
	public Registration revise(String code, RegistrationRequest request, CurrentUser user) {
		Registration current = repository.findForUpdate(code)
			.filter(r -> visible(r, user))
			.orElseThrow(() -> DvkException.notFound("registration.notFound", code));
		if (!user.ownUnitCodes().contains(current.unitCode())) {
			throw DvkException.forbidden("registration.revise.forbidden");
		}
		if (!REVISABLE.contains(current.status())) {
			throw DvkException.conflict("registration.revise.illegalStatus", code, current.status().label());
		}
		boolean submitting = request.submitting();
		List<FieldProblem> problems = new ArrayList<>();
		RegistrationKind kind = kind(request.kind(), problems);
		if (blank(request.field())) {
			problems.add(new FieldProblem("field", "registration.field.required"));
		}
		validateItems(request.items(), submitting, problems);
		// continuation is changed only when the request says (an older client sends nothing: kept)
		boolean continuing = request.continuing() == null ? current.continuing() : request.isContinuing();
		String previous = request.continuing() == null ? current.previousRegistrationCode()
				: continuing ? emptyToNull(request.previousRegistrationCode()) : null;
		if (continuing && previous == null) {
			problems.add(new FieldProblem("previousRegistrationCode", "registration.field.previousRequired"));
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		if (continuing && !previous.equals(current.previousRegistrationCode())
				&& (previous.equals(code) || !repository.existsForUnit(previous, current.unitCode()))) {
			throw DvkException.invalid(List.of(new FieldProblem("previousRegistrationCode",
					"registration.field.previousNotFound", previous)));
		}
		Plan plan = plans.find(current.planCode())
			.orElseThrow(() -> DvkException.notFound("registration.plan.notFound", current.planCode()));
		String field = requireField(plan, request.field().strip());
		boolean firstSubmission = current.status() == RegistrationStatus.DRAFT && submitting;
		if (firstSubmission) {
			requireOpen(plan);
		}

		Instant now = now();
		RegistrationItems items = trimmed(request.items());
		repository.updateContent(code, kind, field, continuing, previous, items, now);
		if (current.status() == RegistrationStatus.RETURNED) {
			repository.appendHistory(code, RegistrationStatus.RETURNED, "REVISED", null, user.id(), null, now);
			if (submitting) {
				workflow.completeRevision(repository.find(code).orElseThrow(), user);
			}
		}
		else if (firstSubmission) {
			repository.updateStatus(code, RegistrationStatus.SUBMITTED, now);
			repository.appendHistory(code, RegistrationStatus.SUBMITTED, "SUBMITTED", null, user.id(), null, now);
			workflow.start(repository.find(code).orElseThrow(), plan, user);
		}
		return repository.find(code).orElseThrow();
	}

	/** One registration with history and attachments; 404 when missing or not visible to the caller. */
	@Transactional(readOnly = true)
	public RegistrationDetails get(String code, CurrentUser user) {
		Registration registration = requireVisible(code, user);
		return new RegistrationDetails(registration, repository.history(code), repository.attachments(code));
	}

	/**
	 * Registrations the caller may see, newest first. An explicit unit outside what the caller
	 * may see is refused (403); the visibility restriction itself is part of the SQL query.
	 */
	@Transactional(readOnly = true)
	public RegistrationPage search(RegistrationFilter filter, CurrentUser user) {
		List<FieldProblem> problems = new ArrayList<>();
		RegistrationStatus status = null;
		if (!blank(filter.status())) {
			try {
				status = RegistrationStatus.valueOf(filter.status().strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("status", "registration.field.status", filter.status()));
			}
		}
		int page = filter.page() == null ? 0 : filter.page();
		int size = filter.size() == null ? RegistrationFilter.DEFAULT_SIZE : filter.size();
		if (page < 0) {
			problems.add(new FieldProblem("page", "registration.field.page"));
		}
		if (size < 1 || size > RegistrationFilter.MAX_SIZE) {
			problems.add(new FieldProblem("size", "registration.field.size", RegistrationFilter.MAX_SIZE));
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		String unitCode = blank(filter.unitCode()) ? null : filter.unitCode().strip();
		Set<String> visibleUnits = user.seesAllUnits() ? null : visibleUnitCodes(user);
		boolean council = visibleUnits != null && user.isMemberOf(Groups.RECOGNITION_COUNCIL);
		boolean ownOrReviewed = visibleUnits == null || unitCode == null || visibleUnits.contains(unitCode);
		if (!ownOrReviewed && !council) {
			throw DvkException.forbidden("registration.search.unitForbidden");
		}
		// a council member may look for any unit: they find only what was put before the council
		// (a flag on the row, never the agenda's codes in memory: 10^5 of them over the years)
		if (visibleUnits != null && visibleUnits.isEmpty() && !council) {
			return new RegistrationPage(List.of(), page, size, 0, 0);
		}
		Criteria criteria = new Criteria(ownOrReviewed && unitCode != null ? null : visibleUnits,
				!(ownOrReviewed && unitCode != null) && council, emptyToNull(filter.planCode()), unitCode, status,
				emptyToNull(filter.field()), filter.reportOverdue());
		long total = repository.count(criteria);
		List<Registration> items = total == 0 || (long) page * size >= total ? List.of()
				: repository.search(criteria, page * size, size);
		return new RegistrationPage(items, page, size, total, (int) ((total + size - 1) / size));
	}

	/**
	 * Stores an attachment of the caller's unit's registration while DRAFT, SUBMITTED, IN_REVIEW
	 * or RETURNED. The type comes from the bytes (see {@link AttachmentTypes}).
	 */
	@Transactional
	public AttachmentInfo addAttachment(String code, String fileName, byte[] content, CurrentUser user) {
		Registration registration = repository.findForUpdate(code)
			.filter(r -> visible(r, user))
			.orElseThrow(() -> DvkException.notFound("registration.notFound", code));
		if (!user.ownUnitCodes().contains(registration.unitCode())) {
			throw DvkException.forbidden("registration.attachment.forbidden");
		}
		if (!ATTACHABLE.contains(registration.status())) {
			throw DvkException.conflict("registration.attachment.illegalStatus", code,
					registration.status().label());
		}
		String name = safeFileName(fileName);
		if (content == null || content.length == 0) {
			throw DvkException.invalid(List.of(new FieldProblem("file", "registration.attachment.empty")));
		}
		if (content.length > ATTACHMENT_MAX_BYTES) {
			throw attachmentTooLarge(name);
		}
		if (repository.countAttachments(code) >= ATTACHMENTS_MAX) {
			throw DvkException.conflict("registration.attachment.tooMany", ATTACHMENTS_MAX);
		}
		String type = attachmentTypes.detect(content, name)
			.orElseThrow(() -> new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"registration.attachment.unsupportedType", name));
		AttachmentInfo added = repository.insertAttachment(code, name, type, content, sha256(content), user.id(),
				now());
		// a review already under way shows the new file too
		events.publishEvent(new RegistrationAttachmentAdded(code, added.id()));
		return added;
	}

	/** Whether files may be added to a registration in this status (by its own unit). */
	public static boolean acceptsAttachments(RegistrationStatus status) {
		return ATTACHABLE.contains(status);
	}

	/** What an attachment may be (size, count, types), for forms that check a file before sending it. */
	public static AttachmentRules attachmentRules() {
		java.util.SortedMap<String, String> accepted = AttachmentTypes.accepted();
		return new AttachmentRules(ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, List.copyOf(accepted.keySet()),
				accepted.values().stream().distinct().sorted().toList());
	}

	/** The 413 of an attachment over {@value #ATTACHMENT_MAX_BYTES} bytes. */
	public static DvkException attachmentTooLarge(String fileName) {
		return new DvkException(HttpStatus.PAYLOAD_TOO_LARGE, "registration.attachment.tooLarge", fileName,
				ATTACHMENT_MAX_BYTES / (1024 * 1024));
	}

	/** An attachment of a registration the caller may see (404 otherwise). */
	@Transactional(readOnly = true)
	public AttachmentContent attachment(String code, long id, CurrentUser user) {
		requireVisible(code, user);
		return repository.attachmentContent(code, id)
			.orElseThrow(() -> DvkException.notFound("registration.attachment.notFound"));
	}

	// ---------------------------------------------------------------- processes and other modules

	/** For processes and other modules: no access check. */
	@Transactional(readOnly = true)
	public Optional<Registration> find(String code) {
		return repository.find(code);
	}

	/**
	 * Called by the processes: sets the status and appends a history entry.
	 *
	 * @param action         what happened (SUBMITTED, IN_REVIEW, APPROVED, RETURNED, REJECTED, ACCEPTED, RESUBMITTED ...)
	 * @param reviewUnitCode the reviewing unit when a review level acted, else null
	 * @param actor          user id, or null for the system
	 */
	@Transactional
	public void changeStatus(String code, RegistrationStatus status, String action, String reviewUnitCode,
			String actor, String comment) {
		Instant now = now();
		if (!repository.updateStatus(code, status, now)) {
			throw new IllegalArgumentException("Unknown registration " + code);
		}
		repository.appendHistory(code, status, action == null ? status.name() : action, reviewUnitCode, actor,
				comment, now);
	}

	/** Appends a history entry without changing the status (e.g. one level approved, the next reviews). */
	@Transactional
	public void recordHistory(String code, String action, String reviewUnitCode, String actor, String comment) {
		Registration registration = repository.find(code)
			.orElseThrow(() -> new IllegalArgumentException("Unknown registration " + code));
		repository.appendHistory(code, registration.status(), action, reviewUnitCode, actor, comment, now());
	}

	@Transactional(readOnly = true)
	public List<HistoryEntry> history(String code) {
		return repository.history(code);
	}

	@Transactional(readOnly = true)
	public List<AttachmentInfo> attachments(String code) {
		return repository.attachments(code);
	}

	/**
	 * Puts the registrations before the recognition council (a session takes them): from now on
	 * every council member may read them, also after the session is decided. Called by the
	 * recognition module in the session's transaction. No access check.
	 */
	@Transactional
	public void putBeforeCouncil(java.util.Collection<String> codes) {
		repository.putBeforeCouncil(codes);
	}

	/** Units that have at least one registration (any status but DRAFT) under the plan. */
	@Transactional(readOnly = true)
	public Set<String> registeredUnitCodes(String planCode) {
		return repository.registeredUnitCodes(planCode);
	}

	/** Registrations sent (every status but DRAFT) per plan and field, counted in the database. */
	@Transactional(readOnly = true)
	public List<SentCount> sentCounts() {
		return repository.sentCounts();
	}

	/**
	 * The season board's table: registrations of the plan counted per unit and status (drafts
	 * included; the caller decides what to show), for staff who see every unit (403 otherwise).
	 */
	@Transactional(readOnly = true)
	public List<UnitStatusCount> countsByUnitAndStatus(String planCode, CurrentUser user) {
		requireStaff(user);
		return repository.countByUnitAndStatus(planCode);
	}

	/**
	 * The plan's registrations whose result report is late, newest first, at most {@code limit}
	 * of them, with the total; for staff who see every unit (403 otherwise).
	 */
	@Transactional(readOnly = true)
	public RegistrationPage resultReportsOverdue(String planCode, int limit, CurrentUser user) {
		requireStaff(user);
		Criteria criteria = new Criteria(null, false, planCode, null, null, null, true);
		long total = repository.count(criteria);
		List<Registration> items = total == 0 ? List.of() : repository.search(criteria, 0, limit);
		return new RegistrationPage(items, 0, limit, total, (int) ((total + limit - 1) / limit));
	}

	private static void requireStaff(CurrentUser user) {
		if (!user.seesAllUnits()) {
			throw DvkException.forbidden("registration.staffOnly");
		}
	}

	// ---------------------------------------------------------------- rules

	private Registration requireVisible(String code, CurrentUser user) {
		return repository.find(code)
			.filter(r -> visible(r, user))
			.orElseThrow(() -> DvkException.notFound("registration.notFound", code));
	}

	private boolean visible(Registration registration, CurrentUser user) {
		return user.seesAllUnits() || visibleUnitCodes(user).contains(registration.unitCode())
				|| user.isMemberOf(Groups.RECOGNITION_COUNCIL) && repository.onCouncilAgenda(registration.code());
	}

	/** Own units plus every unit below a unit the caller reviews for. */
	private Set<String> visibleUnitCodes(CurrentUser user) {
		Set<String> codes = new HashSet<>(user.ownUnitCodes());
		codes.addAll(organization.descendantCodes(user.reviewerUnitCodes()));
		return codes;
	}

	/**
	 * The unit the caller registers for: the given one if they head it; else their only unit.
	 * A unit they do not head is 403 with a message that says nothing about that unit.
	 */
	private String ownUnit(String requested, CurrentUser user, List<FieldProblem> problems) {
		Set<String> own = user.ownUnitCodes();
		if (!blank(requested)) {
			String code = requested.strip();
			if (!own.contains(code) || organization.find(code).filter(Unit::registering).isEmpty()) {
				throw DvkException.forbidden("registration.unit.forbidden");
			}
			return code;
		}
		List<String> registering = own.stream()
			.filter(code -> organization.find(code).filter(Unit::registering).isPresent())
			.toList();
		if (registering.isEmpty()) {
			throw DvkException.forbidden("registration.unit.forbidden");
		}
		if (registering.size() > 1) {
			problems.add(new FieldProblem("unitCode", "registration.unit.choose"));
			return null;
		}
		return registering.get(0);
	}

	private void requireOpen(Plan plan) {
		if (plan.status() != PlanStatus.REGISTRATION_OPEN) {
			throw DvkException.conflict("registration.plan.notOpen", plan.title(), plan.status().label());
		}
		if (plan.registrationDeadline() != null && !now().isBefore(plan.registrationDeadline())) {
			throw DvkException.conflict("registration.plan.deadlinePassed", plan.title(),
					DEADLINE_FORMAT.format(plan.registrationDeadline()));
		}
	}

	/** An empty scope list means every registering unit (as in PlanDraft). */
	private static boolean inScope(Plan plan, Unit unit) {
		List<String> scope = plan.scopeUnitCodes();
		return scope == null || scope.isEmpty() ? unit.registering() : scope.contains(unit.code());
	}

	private static String requireField(Plan plan, String field) {
		return plan.field(field).map(PlanField::code).orElseThrow(() -> DvkException.invalid(List.of(
				new FieldProblem("field", "registration.field.fieldNotInPlan", field,
						plan.fields().stream().map(f -> f.code() + " (" + f.name() + ")")
							.collect(Collectors.joining(", "))))));
	}

	private static RegistrationKind kind(String value, List<FieldProblem> problems) {
		if (blank(value)) {
			problems.add(new FieldProblem("kind", "registration.field.required"));
			return null;
		}
		try {
			return RegistrationKind.valueOf(value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("kind", "registration.field.kind"));
			return null;
		}
	}

	/** All ten items when submitting; only the name for a draft. Lengths always. */
	static void validateItems(RegistrationItems items, boolean submitting, List<FieldProblem> problems) {
		RegistrationItems i = items == null
				? new RegistrationItems(null, null, null, null, null, null, null, null, null, null) : items;
		item("name", i.name(), true, NAME_MAX, problems);
		item("situation", i.situation(), submitting, ITEM_MAX, problems);
		item("objectives", i.objectives(), submitting, ITEM_MAX, problems);
		item("approach", i.approach(), submitting, ITEM_MAX, problems);
		item("beneficiaries", i.beneficiaries(), submitting, ITEM_MAX, problems);
		item("implementers", i.implementers(), submitting, ITEM_MAX, problems);
		item("resources", i.resources(), submitting, ITEM_MAX, problems);
		item("timeframe", i.timeframe(), submitting, ITEM_MAX, problems);
		item("outputs", i.outputs(), submitting, ITEM_MAX, problems);
		item("sustainability", i.sustainability(), submitting, ITEM_MAX, problems);
	}

	private static void item(String field, String value, boolean required, int max, List<FieldProblem> problems) {
		if (blank(value)) {
			if (required) {
				problems.add(new FieldProblem(field, "registration.field.required"));
			}
		}
		else if (value.strip().length() > max) {
			problems.add(new FieldProblem(field, "registration.field.tooLong", max));
		}
	}

	private static RegistrationItems trimmed(RegistrationItems i) {
		return new RegistrationItems(emptyToNull(i.name()), emptyToNull(i.situation()), emptyToNull(i.objectives()),
				emptyToNull(i.approach()), emptyToNull(i.beneficiaries()), emptyToNull(i.implementers()),
				emptyToNull(i.resources()), emptyToNull(i.timeframe()), emptyToNull(i.outputs()),
				emptyToNull(i.sustainability()));
	}

	private CreatedRegistration replay(IdempotentRegistration earlier, String hash) {
		if (!earlier.requestHash().equals(hash)) {
			throw DvkException.conflict("registration.idempotency.conflict");
		}
		return new CreatedRegistration(earlier.registration(), true);
	}

	/** sha256 over the request as the service understands it (unit resolved, blanks ignored). */
	private static String fingerprint(RegistrationRequest r, String unitCode) {
		RegistrationItems i = trimmed(r.items());
		List<String> parts = java.util.Arrays.asList(emptyToNull(r.planCode()), unitCode, emptyToNull(r.kind()),
				emptyToNull(r.field()), String.valueOf(r.isContinuing()),
				r.isContinuing() ? emptyToNull(r.previousRegistrationCode()) : null, String.valueOf(r.submitting()),
				i.name(), i.situation(), i.objectives(), i.approach(), i.beneficiaries(), i.implementers(),
				i.resources(), i.timeframe(), i.outputs(), i.sustainability());
		return sha256(parts.stream().map(p -> p == null ? "\u0001" : p).collect(Collectors.joining("\u0000"))
			.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The last path segment, without control characters, at most 255 characters. */
	static String safeFileName(String fileName) {
		String name = fileName == null ? "" : fileName;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			name = "tep-dinh-kem";
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String emptyToNull(String value) {
		return blank(value) ? null : value.strip();
	}

	// ---------------------------------------------------------------- result reports (issue 3)

	/**
	 * Files the year-end result report of the caller's unit's registration: only while its
	 * UserTask_FileResultReport is open (409 otherwise: evaluation not open yet, already reported).
	 * Results and outputs are required; there must be one self-evaluation for every criterion of
	 * the plan's rules (evidence required when met); attachment ids must be this registration's
	 * (400 with field errors). Stores the report and completes the task: the process marks the
	 * registration REPORTED in the same transaction.
	 */
	@Transactional
	public ResultReport fileResultReport(String code, ResultReportRequest request, CurrentUser user) {
		Registration registration = repository.findForUpdate(code)
			.filter(r -> visible(r, user))
			.orElseThrow(() -> DvkException.notFound("registration.notFound", code));
		if (!user.ownUnitCodes().contains(registration.unitCode())) {
			throw DvkException.forbidden("registration.report.forbidden");
		}
		if (repository.findResultReport(code).isPresent() || !workflow.hasOpenResultReportTask(code)) {
			throw DvkException.conflict("registration.report.illegalStatus", code, registration.status().label());
		}
		ResultReportRequest r = request == null ? new ResultReportRequest(null, null, null, null) : request;
		List<FieldProblem> problems = new ArrayList<>();
		item("results", r.results(), true, ITEM_MAX, problems);
		item("outputs", r.outputs(), true, ITEM_MAX, problems);
		List<SelfEvaluation> evaluations = selfEvaluation(r.selfEvaluation(),
				plans.rules(registration.planCode()), problems);
		List<Long> attachmentIds = evidenceFiles(code, r.attachmentIds(), problems);
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		ResultReport report = new ResultReport(code, r.results().strip(), r.outputs().strip(), evaluations,
				attachmentIds, user.id(), now());
		repository.insertResultReport(report, json(evaluations), json(attachmentIds));
		workflow.completeResultReport(registration, user);
		return report;
	}

	/** The result report of a registration, if filed. No access check. */
	@Transactional(readOnly = true)
	public Optional<ResultReport> resultReport(String code) {
		return repository.findResultReport(code).map(RegistrationService::report);
	}

	/**
	 * Registrations of a plan in the given status, optionally of one field, oldest submission
	 * first (for the specialist preparing a council session). No access check.
	 */
	@Transactional(readOnly = true)
	public List<Registration> inStatus(String planCode, RegistrationStatus status, String field) {
		return repository.inStatus(planCode, status, blank(field) ? null : field.strip());
	}

	/** A plan's registrations counted by unit, field and status, DRAFT included. No access check. */
	@Transactional(readOnly = true)
	public List<RegistrationCount> counts(String planCode) {
		return repository.counts(planCode);
	}

	/**
	 * Called when the plan's result-report deadline passes: every ACCEPTED registration of the
	 * plan (no report filed) is flagged overdue, with a REPORT_OVERDUE history entry.
	 * @return the registrations flagged now (oldest first)
	 */
	@Transactional
	public List<Registration> markResultReportsOverdue(String planCode, String comment) {
		List<Registration> marked = new ArrayList<>();
		Instant now = now();
		for (Registration registration : repository.inStatus(planCode, RegistrationStatus.ACCEPTED, null)) {
			if (repository.markReportOverdue(registration.code())) {
				repository.appendHistory(registration.code(), RegistrationStatus.ACCEPTED, "REPORT_OVERDUE", null,
						null, comment, now);
				marked.add(registration);
			}
		}
		return marked;
	}

	/** Whether the registration's result report is late (flagged at the deadline, not filed since). */
	@Transactional(readOnly = true)
	public boolean resultReportOverdue(String code) {
		return !repository.reportOverdueAmong(List.of(code)).isEmpty();
	}

	/**
	 * Whether the unit is asked for the registration's result report now: its process waits at
	 * UserTask_FileResultReport (the plan's evaluation has opened) and no report is filed yet.
	 * No access check.
	 */
	@Transactional(readOnly = true)
	public boolean resultReportAwaited(String code) {
		return repository.findResultReport(code).isEmpty() && workflow.hasOpenResultReportTask(code);
	}

	/** The codes among the given ones whose result report is late. */
	@Transactional(readOnly = true)
	public Set<String> resultReportOverdueAmong(java.util.Collection<String> codes) {
		return repository.reportOverdueAmong(codes);
	}

	private static List<SelfEvaluation> selfEvaluation(List<SelfEvaluation> given, PlanRules rules,
			List<FieldProblem> problems) {
		List<SelfEvaluation> evaluations = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<SelfEvaluation> list = given == null ? List.of() : given;
		for (int i = 0; i < list.size(); i++) {
			SelfEvaluation e = list.get(i) == null ? new SelfEvaluation(null, false, null) : list.get(i);
			String at = "selfEvaluation[" + i + "]";
			String criterion = emptyToNull(e.criterionCode());
			if (criterion == null) {
				problems.add(new FieldProblem(at + ".criterionCode", "registration.field.required"));
			}
			else if (rules.criterion(criterion).isEmpty()) {
				problems.add(new FieldProblem(at + ".criterionCode", "registration.report.criterion.unknown",
						criterion, rules.criteria().stream().map(Criterion::code).collect(Collectors.joining(", "))));
			}
			else if (!seen.add(criterion)) {
				problems.add(new FieldProblem(at + ".criterionCode", "registration.report.criterion.duplicate",
						criterion));
			}
			item(at + ".evidence", e.evidence(), e.met(), ITEM_MAX, problems);
			evaluations.add(new SelfEvaluation(criterion, e.met(), emptyToNull(e.evidence())));
		}
		List<String> missing = rules.criteria()
			.stream()
			.filter(c -> !seen.contains(c.code()))
			.map(c -> c.code() + " (" + c.text() + ")")
			.toList();
		if (!missing.isEmpty()) {
			problems.add(new FieldProblem("selfEvaluation", "registration.report.criterion.missing",
					String.join("; ", missing)));
		}
		return List.copyOf(evaluations);
	}

	private List<Long> evidenceFiles(String code, List<Long> given, List<FieldProblem> problems) {
		if (given == null || given.isEmpty()) {
			return List.of();
		}
		Set<Long> own = repository.attachments(code).stream().map(AttachmentInfo::id).collect(Collectors.toSet());
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < given.size(); i++) {
			Long id = given.get(i);
			if (id == null || !own.contains(id)) {
				problems.add(new FieldProblem("attachmentIds[" + i + "]", "registration.report.attachment.unknown",
						String.valueOf(id)));
			}
			else if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return List.copyOf(ids);
	}

	private static ResultReport report(StoredResultReport row) {
		return new ResultReport(row.registrationCode(), row.results(), row.outputs(),
				List.copyOf(read(row.selfEvaluation(), SELF_EVALUATION)), List.copyOf(read(row.attachmentIds(), IDS)),
				row.filedBy(), row.filedAt());
	}

	private static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot write result report JSON", ex);
		}
	}

	private static <T> T read(String json, TypeReference<T> type) {
		try {
			return JSON.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot read result report JSON: " + json, ex);
		}
	}

}
