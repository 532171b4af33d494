package vn.dvk.recognition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dvk.document.DocumentService;
import vn.dvk.document.OfficialDates;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.Unit;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.ResultReport;
import vn.dvk.registration.SelfEvaluation;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.Groups;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * Council sessions (bình xét): the list of models, the members' assessments and recusals, the
 * proposal, and the recognition decision. Public API of the recognition module; the steps of
 * RecognitionReviewProcess call it through the module's delegates.
 */
@Service
public class RecognitionSessionService {

	static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	public static final String DECISION_TEMPLATE = "recognition-decision";

	/** Nơi nhận of the decision. */
	static final List<String> DECISION_RECIPIENTS = List.of("Thường trực Tỉnh ủy (để báo cáo);",
			"Các đồng chí Phó Trưởng Ban;", "Như Điều 3;", "Lưu VP.");

	private final RecognitionRepository repository;

	private final PlanService plans;

	private final RegistrationService registrations;

	private final OrganizationService organization;

	private final DocumentService documents;

	private final RecognitionWorkflow workflow;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	RecognitionSessionService(RecognitionRepository repository, PlanService plans, RegistrationService registrations,
			OrganizationService organization, DocumentService documents, RecognitionWorkflow workflow,
			PlatformTransactionManager transactions, Clock clock) {
		this.repository = repository;
		this.plans = plans;
		this.registrations = registrations;
		this.organization = organization;
		this.documents = documents;
		this.workflow = workflow;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * A drafter prepares a session: the given registrations, or every REPORTED registration of the
	 * plan (of the field); starts its RecognitionReviewProcess.
	 */
	@Transactional
	public RecognitionSession create(String planCode, String field, List<String> registrationCodes, CurrentUser user) {
		if (!user.isMemberOf(Groups.PLAN_DRAFTERS)) {
			throw DvkException.forbidden("recognition.session.create.forbidden");
		}
		Plan plan = plans.require(planCode);
		String fieldCode = field == null || field.isBlank() ? null : field.strip();
		if (fieldCode != null && plan.field(fieldCode).isEmpty()) {
			throw DvkException.invalid(List.of(new FieldProblem("field", "recognition.session.field.unknown", fieldCode)));
		}
		List<Registration> chosen = chosen(plan, fieldCode, registrationCodes);
		if (chosen.isEmpty()) {
			throw DvkException.conflict("recognition.session.none", planCode);
		}
		List<String> taken = repository.onOpenSession(chosen.stream().map(Registration::code).toList());
		if (!taken.isEmpty()) {
			throw DvkException.conflict("recognition.session.alreadyOnSession", String.join(", ", taken));
		}
		int no = repository.next("session:" + planCode);
		RecognitionSession session = new RecognitionSession(planCode + "-PH" + no, planCode, no, fieldCode,
				RecognitionSession.ASSESSING, null, null, user.id(), clock.instant(), null);
		repository.insertSession(session);
		int position = 1;
		for (Registration r : chosen) {
			repository.insertItem(new SessionItem(session.key(), r.code(), position++, r.name(), r.unitCode(), r.field(),
					r.kind().name(), null, null, null, null));
		}
		registrations.putBeforeCouncil(chosen.stream().map(Registration::code).toList());
		workflow.start(session, plan.title(), plan.year(), chosen.size(), user);
		return session;
	}

	private List<Registration> chosen(Plan plan, String field, List<String> codes) {
		if (codes == null || codes.isEmpty()) {
			return registrations.inStatus(plan.code(), RegistrationStatus.REPORTED, field);
		}
		List<FieldProblem> problems = new ArrayList<>();
		List<Registration> chosen = new ArrayList<>();
		int index = 0;
		for (String code : new LinkedHashSet<>(codes)) {
			String name = "registrationCodes[" + index++ + "]";
			Optional<Registration> found = code == null ? Optional.empty() : registrations.find(code);
			if (found.isEmpty() || !found.get().planCode().equals(plan.code())) {
				problems.add(new FieldProblem(name, "recognition.session.registration.unknown", code, plan.code()));
			}
			else if (found.get().status() != RegistrationStatus.REPORTED) {
				problems.add(new FieldProblem(name, "recognition.session.registration.notReported", code,
						found.get().status().label()));
			}
			else if (field != null && !field.equals(found.get().field())) {
				problems.add(new FieldProblem(name, "recognition.session.registration.otherField", code, field));
			}
			else {
				chosen.add(found.get());
			}
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		return chosen;
	}

	/** A session for council members, drafters and approvers (and operators). */
	public SessionDetails get(String key, CurrentUser user) {
		if (!(user.isMemberOf(Groups.RECOGNITION_COUNCIL) || user.isMemberOf(Groups.PLAN_DRAFTERS)
				|| user.isMemberOf(Groups.PLAN_APPROVERS) || user.isMemberOf(Groups.CAMUNDA_ADMIN))) {
			throw DvkException.forbidden("recognition.session.read.forbidden");
		}
		RecognitionSession session = require(key);
		List<SessionItem> items = repository.items(key);
		Map<String, List<SelfEvaluation>> selfEvaluations = new LinkedHashMap<>();
		for (SessionItem item : items) {
			selfEvaluations.put(item.registrationCode(),
					registrations.resultReport(item.registrationCode()).map(ResultReport::selfEvaluation).orElse(List.of()));
		}
		return new SessionDetails(session, plans.require(session.planCode()), plans.rules(session.planCode()), items,
				selfEvaluations, repository.assessments(key), repository.recusals(key), repository.decisionOfSession(key));
	}

	/**
	 * A council member assesses one model: every criterion of the plan, met or not. A model of the
	 * member's own unit is refused (409) and the recusal recorded. When the member has assessed
	 * every model they may, their task of the session completes.
	 */
	@Transactional
	public Assessment assess(String key, String registrationCode, List<CriterionMark> criteria, String comment,
			CurrentUser user) {
		if (!user.isMemberOf(Groups.RECOGNITION_COUNCIL)) {
			throw DvkException.forbidden("recognition.assessment.forbidden");
		}
		RecognitionSession session = require(key);
		if (!RecognitionSession.ASSESSING.equals(session.status())) {
			throw DvkException.conflict("recognition.assessment.closed", key);
		}
		List<SessionItem> items = repository.items(key);
		SessionItem item = items.stream()
			.filter(i -> i.registrationCode().equals(registrationCode))
			.findFirst()
			.orElseThrow(() -> DvkException.invalid(List.of(new FieldProblem("registrationCode",
					registrationCode == null ? "recognition.assessment.registration.missing"
							: "recognition.assessment.registration.notOnSession", registrationCode, key))));
		Set<String> ownUnits = user.ownUnitCodes();
		if (ownUnits.contains(item.unitCode())) {
			Recusal recusal = new Recusal(key, item.registrationCode(), user.id(), item.unitCode(), clock.instant());
			newTransaction.executeWithoutResult(status -> repository.insertRecusal(recusal));
			throw DvkException.conflict("recognition.assessment.recused", item.registrationCode(), unitName(item.unitCode()));
		}
		List<CriterionMark> marks = validCriteria(plans.rules(session.planCode()).criteria(), criteria);
		Assessment assessment = new Assessment(key, item.registrationCode(), user.id(), marks,
				comment == null || comment.isBlank() ? null : comment.strip(), clock.instant());
		repository.upsertAssessment(assessment);
		if (unassessed(key, user.id(), ownUnits).isEmpty()) {
			workflow.completeAssessment(key, user);
		}
		return assessment;
	}

	/**
	 * The models a council member has still to assess on a session: those not of the member's own
	 * units, not recused and not yet assessed by the member, in the session's order. The member's
	 * task UserTask_AssessModels cannot complete while this is not empty.
	 *
	 * @param ownUnitCodes the unit codes of the member's {@code unit-<code>} groups
	 */
	public List<String> unassessed(String key, String memberId, Set<String> ownUnitCodes) {
		Set<String> done = new java.util.HashSet<>();
		repository.assessments(key)
			.stream()
			.filter(a -> a.memberId().equals(memberId))
			.forEach(a -> done.add(a.registrationCode()));
		repository.recusals(key)
			.stream()
			.filter(r -> r.memberId().equals(memberId))
			.forEach(r -> done.add(r.registrationCode()));
		return repository.items(key)
			.stream()
			.filter(i -> !ownUnitCodes.contains(i.unitCode()))
			.map(SessionItem::registrationCode)
			.filter(code -> !done.contains(code))
			.toList();
	}

	private static List<CriterionMark> validCriteria(List<Criterion> planCriteria, List<CriterionMark> given) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, CriterionMark> byCode = new LinkedHashMap<>();
		List<CriterionMark> marks = given == null ? List.of() : given;
		for (int i = 0; i < marks.size(); i++) {
			CriterionMark mark = marks.get(i);
			String name = "criteria[" + i + "]";
			if (mark == null || mark.code() == null || planCriteria.stream().noneMatch(c -> c.code().equals(mark.code()))) {
				problems.add(new FieldProblem(name + ".code", "recognition.assessment.criterion.unknown",
						mark == null ? null : mark.code()));
			}
			else if (byCode.containsKey(mark.code())) {
				problems.add(new FieldProblem(name + ".code", "recognition.assessment.criterion.duplicate", mark.code()));
			}
			else if (mark.met() == null) {
				problems.add(new FieldProblem(name + ".met", "recognition.assessment.criterion.metMissing", mark.code()));
			}
			else {
				byCode.put(mark.code(), mark);
			}
		}
		for (Criterion criterion : planCriteria) {
			if (!byCode.containsKey(criterion.code()) && marks.stream().noneMatch(m -> m != null && criterion.code().equals(m.code()))) {
				problems.add(new FieldProblem("criteria", "recognition.assessment.criterion.missing", criterion.code(),
						criterion.text()));
			}
		}
		if (!problems.isEmpty()) {
			throw DvkException.invalid(problems);
		}
		return planCriteria.stream().map(c -> byCode.get(c.code())).toList();
	}

	/**
	 * The decision as PDF: for staff who see every unit, council members, and the head of a unit
	 * whose model the decision decided. Anyone else gets the same 404 as for a decision that does not exist.
	 */
	@Transactional(readOnly = true)
	public byte[] decisionPdf(long id, CurrentUser user) {
		boolean allowed = user.seesAllUnits() || user.isMemberOf(Groups.RECOGNITION_COUNCIL)
				|| repository.decisionConcernsUnits(id, user.ownUnitCodes());
		return repository.decisionPdf(id)
			.filter(pdf -> allowed)
			.orElseThrow(() -> DvkException.notFound("recognition.decision.notFound", id));
	}

	/** The council's final outcomes on the models of the caller's own units, newest decision first. */
	@Transactional(readOnly = true)
	public List<UnitRecognition> ownUnitsRecognitions(CurrentUser user) {
		return repository.decidedOfUnits(user.ownUnitCodes());
	}

	/** The plan's council sessions, each with its decision once issued (the season staff; the PDFs keep their own access rule). */
	public List<PlanSession> sessionsOf(String planCode) {
		Map<String, RecognitionDecision> decisions = new LinkedHashMap<>();
		repository.decisionsOfPlan(planCode).forEach(d -> decisions.put(d.sessionKey(), d));
		return repository.sessionsOfPlan(planCode)
			.stream()
			.map(s -> new PlanSession(s, Optional.ofNullable(decisions.get(s.key()))))
			.toList();
	}

	/** A council session of a plan with its recognition decision, if issued. */
	public record PlanSession(RecognitionSession session, Optional<RecognitionDecision> decision) {
	}

	// ---- steps of RecognitionReviewProcess ----

	public RecognitionSession require(String key) {
		return repository.session(key).orElseThrow(() -> DvkException.notFound("recognition.session.notFound", key));
	}

	public List<SessionItem> items(String key) {
		return repository.items(key);
	}

	public SessionItem item(String key, String registrationCode) {
		return repository.items(key)
			.stream()
			.filter(i -> i.registrationCode().equals(registrationCode))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(registrationCode + " is not on session " + key));
	}

	/**
	 * Records who sits out which model: a member sits out the models of their own units.
	 *
	 * @param memberUnits council member id → the unit codes of their {@code unit-<code>} groups
	 * @return member id → the registration codes they assess (members with none left out)
	 */
	@Transactional
	public Map<String, List<String>> recordRecusals(String key, Map<String, Set<String>> memberUnits) {
		List<SessionItem> items = repository.items(key);
		Map<String, List<String>> toAssess = new LinkedHashMap<>();
		Instant now = clock.instant();
		memberUnits.forEach((member, units) -> {
			List<String> codes = new ArrayList<>();
			for (SessionItem item : items) {
				if (units.contains(item.unitCode())) {
					repository.insertRecusal(new Recusal(key, item.registrationCode(), member, item.unitCode(), now));
				}
				else {
					codes.add(item.registrationCode());
				}
			}
			if (!codes.isEmpty()) {
				toAssess.put(member, codes);
			}
		});
		return toAssess;
	}

	/** Every model's score from the assessments so far (the inputs of RecognitionDecision). */
	public List<ItemScore> scores(String key) {
		RecognitionSession session = require(key);
		List<Criterion> criteria = plans.rules(session.planCode()).criteria();
		List<Assessment> assessments = repository.assessments(key);
		return repository.items(key)
			.stream()
			.map(item -> RecognitionScoring.score(item.registrationCode(), criteria, assessments.stream()
				.filter(a -> a.registrationCode().equals(item.registrationCode()))
				.toList()))
			.toList();
	}

	/** Stores the proposal (RECOGNIZE, RECOGNIZE_TYPICAL, NOT_RECOGNIZE per model); assessing ends. */
	@Transactional
	public void propose(String key, List<ItemScore> scores, Map<String, String> proposal) {
		for (ItemScore score : scores) {
			repository.propose(key, score, proposal.get(score.registrationCode()));
		}
		repository.updateStatus(key, RecognitionSession.CONFIRMING);
	}

	/**
	 * Issues the session's one recognition decision: numbered {@code <n>/QĐ-BTGDV} (n sequential per
	 * year), dated today, the PDF stored; every model's final outcome recorded. A second call returns
	 * the decision already issued.
	 *
	 * @param decisions registration code → RECOGNIZE, RECOGNIZE_TYPICAL or NOT_RECOGNIZE
	 */
	@Transactional
	public RecognitionDecision issueDecision(String key, Map<String, String> decisions, String comment, String chair) {
		Optional<RecognitionDecision> issued = repository.decisionOfSession(key);
		if (issued.isPresent()) {
			return issued.get();
		}
		RecognitionSession session = require(key);
		Plan plan = plans.require(session.planCode());
		List<SessionItem> items = repository.items(key);
		Map<String, RecognitionOutcome> outcomes = new HashMap<>();
		for (SessionItem item : items) {
			String decision = decisions.get(item.registrationCode());
			if (decision == null) {
				throw new IllegalStateException("No outcome for " + item.registrationCode() + " on session " + key);
			}
			outcomes.put(item.registrationCode(), RecognitionDecisions.outcomeOf(decision));
		}
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, VN);
		int sequence = repository.next("decision:" + today.getYear());
		String number = sequence + RecognitionDecision.NUMBER_SUFFIX;
		byte[] pdf = documents.pdf(DECISION_TEMPLATE, decisionModel(plan, session, items, outcomes, number, today));
		RecognitionDecision decision = repository.insertDecision(key, today.getYear(), sequence, today, chair, pdf, now);
		outcomes.forEach((code, outcome) -> repository.finalOutcome(key, code, outcome));
		repository.decided(key, comment, chair, now);
		return decision;
	}

	/** The variables of {@code templates/document/recognition-decision.html}. */
	Map<String, Object> decisionModel(Plan plan, RecognitionSession session, List<SessionItem> items,
			Map<String, RecognitionOutcome> outcomes, String number, LocalDate date) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (SessionItem item : items) {
			RecognitionOutcome outcome = outcomes.get(item.registrationCode());
			if (outcome == null || !outcome.recognized()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("no", rows.size() + 1);
			row.put("registrationCode", item.registrationCode());
			row.put("name", item.name());
			row.put("unitName", unitName(item.unitCode()));
			row.put("fieldName", plan.field(item.field()).map(PlanField::name).orElse(item.field()));
			row.put("kindName", "EXEMPLAR".equals(item.kind()) ? "Điển hình" : "Mô hình");
			row.put("outcome", outcome.name());
			row.put("outcomeName", outcome.label());
			row.put("typical", outcome == RecognitionOutcome.RECOGNIZED_TYPICAL);
			rows.add(row);
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("documentNumber", number);
		model.put("documentDate", date);
		model.put("documentDateText", OfficialDates.date(date));
		model.put("decisionNumber", number);
		model.put("decisionDate", DATE.format(date));
		model.put("year", plan.year());
		model.put("planCode", plan.code());
		model.put("planTitle", plan.title());
		model.put("legalBasisNumber", blankToNull(plan.legalBasisNumber()));
		model.put("legalBasisDateText", plan.legalBasisDate() == null ? null : OfficialDates.date(plan.legalBasisDate()));
		model.put("sessionKey", session.key());
		model.put("models", rows);
		model.put("recognizedCount", rows.size());
		model.put("typicalCount", rows.stream().filter(r -> Boolean.TRUE.equals(r.get("typical"))).count());
		model.put("assessedCount", items.size());
		model.put("recipients", DECISION_RECIPIENTS);
		model.put("signerTitle", "TRƯỞNG BAN");
		return model;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public String unitName(String unitCode) {
		return organization.find(unitCode).map(Unit::name).orElse(unitCode);
	}

}
