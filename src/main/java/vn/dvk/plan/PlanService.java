package vn.dvk.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.plan.process.PlanWorkflow;
import vn.dvk.shared.DvkException;

/**
 * Plans: drafting, submission for approval (starts PlanIssuanceProcess), status changes driven
 * by the process. Public API of the plan module.
 */
@Service
public class PlanService {

	static final int MAX_SEQUENCE = 999;

	/** Status changes the process may make; anything else is a modelling or concurrency error. */
	private static final Map<PlanStatus, Set<PlanStatus>> TRANSITIONS = Map.of(
			PlanStatus.DRAFT, EnumSet.of(PlanStatus.IN_APPROVAL),
			PlanStatus.IN_APPROVAL, EnumSet.of(PlanStatus.RETURNED, PlanStatus.REJECTED, PlanStatus.REGISTRATION_OPEN),
			PlanStatus.RETURNED, EnumSet.of(PlanStatus.IN_APPROVAL),
			PlanStatus.REJECTED, EnumSet.noneOf(PlanStatus.class),
			PlanStatus.REGISTRATION_OPEN, EnumSet.of(PlanStatus.REGISTRATION_CLOSED),
			PlanStatus.REGISTRATION_CLOSED, EnumSet.of(PlanStatus.EVALUATION),
			PlanStatus.EVALUATION, EnumSet.of(PlanStatus.CLOSED),
			PlanStatus.CLOSED, EnumSet.noneOf(PlanStatus.class));

	private static final Set<PlanStatus> EDITABLE = EnumSet.of(PlanStatus.DRAFT, PlanStatus.RETURNED);

	private final PlanRepository repository;

	private final PlanValidator validator;

	private final PlanWorkflow workflow;

	private final Clock clock;

	private final PlanRulesRepository rulesRepository;

	private final PlanRulesValidator rulesValidator;

	PlanService(PlanRepository repository, PlanValidator validator, PlanWorkflow workflow,
			ObjectProvider<Clock> clock, PlanRulesRepository rulesRepository, PlanRulesValidator rulesValidator) {
		this.repository = repository;
		this.validator = validator;
		this.workflow = workflow;
		this.rulesRepository = rulesRepository;
		this.rulesValidator = rulesValidator;
		// the application clock (system module), the system clock where there is none
		this.clock = clock.getIfAvailable(Clock::systemUTC);
	}

	/**
	 * Saves a new plan as DRAFT. Validates everything (400 with Vietnamese field errors); a given
	 * code already in use is a 409. Without a code, the next free {@code KH-<year>-NN} is taken.
	 */
	@Transactional
	public Plan create(PlanDraft draft, String actor) {
		PlanDraft valid = validator.validate(draft, null);
		repository.lockCodesOf(valid.year());
		String code = valid.code() != null ? valid.code() : nextCode(valid.year());
		if (repository.exists(code)) {
			throw DvkException.conflict("plan.duplicate", code);
		}
		Instant now = now();
		Plan plan = new Plan(code, valid.title(), valid.year(), valid.legalBasisNumber(), valid.legalBasisDate(),
				valid.description(), valid.fields(), valid.scopeUnitCodes(), valid.reviewMode(),
				valid.registrationDeadline(), valid.reminderDaysBefore(), valid.reviewDays(), valid.escalationDays(),
				PlanStatus.DRAFT, actor, now, null);
		try {
			repository.insert(plan);
		}
		catch (DuplicateKeyException ex) {
			throw DvkException.conflict("plan.duplicate", code);
		}
		repository.appendHistory(code, new PlanHistoryEntry(PlanStatus.DRAFT, actor, null, now));
		return require(code);
	}

	/** Changes a DRAFT or RETURNED plan (409 otherwise). The code cannot change. */
	@Transactional
	public Plan update(String code, PlanDraft draft, String actor) {
		Plan current = lock(code);
		if (!EDITABLE.contains(current.status())) {
			throw DvkException.conflict("plan.update.illegalStatus", code, current.status().label());
		}
		PlanDraft valid = validator.validate(draft, code);
		repository.updateContent(new Plan(code, valid.title(), valid.year(), valid.legalBasisNumber(),
				valid.legalBasisDate(), valid.description(), valid.fields(), valid.scopeUnitCodes(),
				valid.reviewMode(), valid.registrationDeadline(), valid.reminderDaysBefore(), valid.reviewDays(),
				valid.escalationDays(), current.status(), current.createdBy(), current.createdAt(),
				current.publishedAt()));
		return require(code);
	}

	/**
	 * Sends a DRAFT plan for approval (starts PlanIssuanceProcess, business key = code) or a
	 * RETURNED plan back for approval (completes UserTask_RevisePlan). The plan is validated
	 * again (the deadline may have passed since it was saved); any other status is a 409.
	 */
	@Transactional
	public Plan submit(String code, String actor) {
		Plan plan = lock(code);
		if (!EDITABLE.contains(plan.status())) {
			throw DvkException.conflict("plan.submit.illegalStatus", code, plan.status().label());
		}
		validator.validate(draftOf(plan), code);
		if (plan.status() == PlanStatus.DRAFT) {
			workflow.start(plan, actor);
		}
		else {
			workflow.resubmit(plan, actor);
		}
		return require(code);
	}

	public Optional<Plan> find(String code) {
		return code == null ? Optional.empty() : repository.find(code);
	}

	/** The plan, or a 404 with a Vietnamese message. */
	public Plan require(String code) {
		return find(code).orElseThrow(() -> notFound(code));
	}

	/** Every plan, newest year first. */
	public List<Plan> list() {
		return repository.findAll();
	}

	/**
	 * Called by the process: records the new status in the plan and its history. Becoming
	 * REGISTRATION_OPEN stamps {@code publishedAt}. A change the plan's life does not allow
	 * (e.g. DRAFT to REGISTRATION_OPEN) is a 409.
	 */
	@Transactional
	public void changeStatus(String code, PlanStatus status, String actor, String comment) {
		Plan plan = lock(code);
		if (!TRANSITIONS.get(plan.status()).contains(status)) {
			throw DvkException.conflict("plan.status.illegalTransition", code, plan.status().label(), status.label());
		}
		Instant now = now();
		Instant publishedAt = status == PlanStatus.REGISTRATION_OPEN && plan.publishedAt() == null ? now
				: plan.publishedAt();
		repository.updateStatus(code, status, publishedAt);
		repository.appendHistory(code, new PlanHistoryEntry(status, actor, comment, now));
	}

	/**
	 * Called by the process once the plan is approved: REGISTRATION_OPEN, published now.
	 * @return the published plan with its current deadlines and scope
	 */
	@Transactional
	public Plan publish(String code, String actor, String comment) {
		changeStatus(code, PlanStatus.REGISTRATION_OPEN, actor, comment);
		return require(code);
	}

	/** Oldest first; 404 for an unknown plan. */
	public List<PlanHistoryEntry> history(String code) {
		require(code);
		return repository.history(code);
	}

	private Plan lock(String code) {
		return repository.findForUpdate(code).orElseThrow(() -> notFound(code));
	}

	private String nextCode(int year) {
		int next = repository.highestSequenceOf(year) + 1;
		if (next > MAX_SEQUENCE) {
			throw DvkException.conflict("plan.code.exhausted", Integer.toString(year));
		}
		return "KH-%d-%02d".formatted(year, next);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static PlanDraft draftOf(Plan plan) {
		return new PlanDraft(plan.code(), plan.title(), plan.year(), plan.legalBasisNumber(), plan.legalBasisDate(),
				plan.description(), plan.fields(), plan.scopeUnitCodes(), plan.reviewMode(),
				plan.registrationDeadline(), plan.reminderDaysBefore(), plan.reviewDays(), plan.escalationDays());
	}

	private static DvkException notFound(String code) {
		return DvkException.notFound("plan.notFound", code);
	}

	/**
	 * What the portal's plan editor saves in one go: the plan (created when {@code code} is null,
	 * else changed while DRAFT or RETURNED) and its rules. Both are checked before anything is
	 * kept, and every problem of either is reported at once (400 with field errors keyed as in
	 * the API: {@code title}, {@code criteria[1].weight}, {@code season.councilSessionAt} ...).
	 */
	@Transactional
	public Plan saveWithRules(String code, PlanDraft draft, PlanRules rules, String actor) {
		List<DvkException.FieldProblem> problems = new java.util.ArrayList<>();
		Plan saved = null;
		try {
			saved = code == null ? create(draft, actor) : update(code, draft, actor);
		}
		catch (DvkException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			problems.addAll(ex.fieldErrors());
		}
		Plan against = saved != null ? saved : provisional(code, draft);
		PlanRules valid = null;
		try {
			valid = rulesValidator.validate(rules, against);
		}
		catch (DvkException ex) {
			if (ex.fieldErrors().isEmpty()) {
				throw ex;
			}
			problems.addAll(ex.fieldErrors());
		}
		if (!problems.isEmpty()) {
			// nothing is kept: the caller's transaction rolls back with this exception
			throw DvkException.invalid(problems);
		}
		rulesRepository.save(saved.code(), valid, actor, now());
		workflow.seasonChanged(saved, valid.season());
		return saved;
	}

	/** The plan as drafted, for checking its rules' dates when the draft itself is not valid. */
	private Plan provisional(String code, PlanDraft draft) {
		Plan current = code == null ? null : require(code);
		return new Plan(code == null ? "" : code, draft.title(), draft.year() == null ? 0 : draft.year(),
				draft.legalBasisNumber(), draft.legalBasisDate(), draft.description(), List.of(), List.of(),
				ReviewMode.EVERY_LEVEL, draft.registrationDeadline(), 0, 0, 0,
				current == null ? PlanStatus.DRAFT : current.status(), actorOf(current), null, null);
	}

	private static String actorOf(Plan plan) {
		return plan == null ? null : plan.createdBy();
	}

	/** Whether the plan's content may still be changed (DRAFT or RETURNED). */
	public static boolean editable(PlanStatus status) {
		return EDITABLE.contains(status);
	}

	/** Statuses in which the rules may no longer change: the evaluation has begun, or the plan is dead. */
	private static final Set<PlanStatus> RULES_FROZEN = EnumSet.of(PlanStatus.EVALUATION, PlanStatus.CLOSED,
			PlanStatus.REJECTED);

	/**
	 * The plan's rules for implementation, recognition and awards: what the drafter set, else
	 * {@link PlanRules#defaults()} (the usual checklist and award catalogue, no season dates).
	 * 404 for an unknown plan.
	 */
	@Transactional(readOnly = true)
	public PlanRules rules(String code) {
		require(code);
		return rulesRepository.find(code).orElseGet(PlanRules::defaults);
	}

	/** Statuses in which the plan's evaluation has opened (result reports are asked for). */
	private static final Set<PlanStatus> EVALUATION_OPENED = EnumSet.of(PlanStatus.EVALUATION, PlanStatus.CLOSED);

	/**
	 * The season's dates if the plan's evaluation has already opened (EVALUATION or CLOSED), else
	 * empty. Called by a registration's process when it is accepted: the plan's row stays
	 * share-locked until the caller's transaction ends, so an acceptance racing with the opening of
	 * the evaluation (which changes the row under {@code FOR UPDATE}) is either reached by the
	 * opening or sees it, never neither. A share lock, not an exclusive one: acceptances of the
	 * same plan (and submissions, whose foreign key takes a key-share lock on the row) go on side
	 * by side instead of queueing behind each other's commit; with {@code FOR UPDATE} the deadline
	 * rush was serialised on the plan's row (docs/benchmarks.md). 404 for an unknown plan.
	 */
	@Transactional
	public Optional<SeasonDates> openedEvaluation(String code) {
		Plan plan = repository.findForShare(code).orElseThrow(() -> notFound(code));
		if (!EVALUATION_OPENED.contains(plan.status())) {
			return Optional.empty();
		}
		return Optional.of(rulesRepository.find(code).orElseGet(PlanRules::defaults).season());
	}

	/** Whether the drafter has set the rules (false: {@link #rules(String)} gives the defaults). */
	@Transactional(readOnly = true)
	public boolean hasOwnRules(String code) {
		return rulesRepository.find(code).isPresent();
	}

	/**
	 * Sets the rules of a plan (drafters), until its evaluation opens (409 after that, or for a
	 * rejected plan). Validated (400 with Vietnamese field errors); empty lists take the defaults.
	 * A plan whose process waits for the season's dates (registration closed without them) or
	 * whose evaluation timer has not fired yet is told, so the timers follow the new dates.
	 */
	@Transactional
	public PlanRules updateRules(String code, PlanRules rules, String actor) {
		Plan plan = lock(code);
		if (RULES_FROZEN.contains(plan.status())) {
			throw DvkException.conflict("plan.rules.illegalStatus", code, plan.status().label());
		}
		PlanRules valid = rulesValidator.validate(rules, plan);
		rulesRepository.save(code, valid, actor, now());
		workflow.seasonChanged(plan, valid.season());
		return valid;
	}

}
