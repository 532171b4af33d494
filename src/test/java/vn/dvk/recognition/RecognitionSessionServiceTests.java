package vn.dvk.recognition;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.document.DocumentService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;
import vn.dvk.system.EmbeddedPostgresConfiguration;
import vn.dvk.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/** The session service on real PostgreSQL; every call commits. Each test uses its own plan code. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, RecognitionSessionService.class, RecognitionRepository.class })
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RecognitionSessionServiceTests {

	static final CurrentUser DRAFTER = new CurrentUser("drafter", Set.of("plan-drafters"));

	static final CurrentUser COUNCIL1 = new CurrentUser("council1", Set.of("recognition-council", "unit-mttq-tinh"));

	@Autowired
	RecognitionSessionService sessions;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	OrganizationService organization;

	@MockitoBean
	DocumentService documents;

	@MockitoBean
	RecognitionWorkflow workflow;

	@MockitoBean
	Clock clock;

	@Test
	void aSessionTakesTheReportedModelsRecusesTheMembersOwnUnitAndChecksEveryCriterion() {
		String plan = plan();
		RecognitionSession session = sessions.create(plan, null, null, DRAFTER);

		assertThat(session.key()).isEqualTo(plan + "-PH1");
		verify(workflow).start(any(), anyString(), eq(2026), eq(2), any());
		assertThatThrownBy(() -> sessions.assess(session.key(), "DK-A-" + plan, List.of(new CriterionMark("TC1", true),
				new CriterionMark("TC2", true)), null, COUNCIL1))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThat(sessions.get(session.key(), COUNCIL1).recusals()).extracting(Recusal::memberId, Recusal::unitCode)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("council1", "mttq-tinh"));
		assertThatThrownBy(() -> sessions.assess(session.key(), "DK-B-" + plan, List.of(new CriterionMark("TC1", true)),
				null, COUNCIL1))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.fieldErrors()).extracting(f -> f.messageKey())
				.containsExactly("recognition.assessment.criterion.missing"));
		verify(workflow, never()).completeAssessment(anyString(), any());
		// what the guard of UserTask_AssessModels asks: the member's own unit's model is not theirs to assess
		assertThat(sessions.unassessed(session.key(), "council1", Set.of("mttq-tinh"))).containsExactly("DK-B-" + plan);
		assertThat(sessions.unassessed(session.key(), "council3", Set.of("so-noi-vu")))
			.containsExactly("DK-A-" + plan, "DK-B-" + plan);

		sessions.assess(session.key(), "DK-B-" + plan, List.of(new CriterionMark("TC2", false), new CriterionMark("TC1", true)),
				"Tốt", COUNCIL1);

		verify(workflow).completeAssessment(eq(session.key()), argThat(u -> "council1".equals(u.id())));
		assertThat(sessions.unassessed(session.key(), "council1", Set.of("mttq-tinh"))).isEmpty();
		assertThat(sessions.unassessed(session.key(), "council3", Set.of("so-noi-vu")))
			.containsExactly("DK-A-" + plan, "DK-B-" + plan);
		assertThat(sessions.scores(session.key())).filteredOn(s -> s.registrationCode().equals("DK-B-" + plan))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.score()).isEqualTo(75.0);
				assertThat(s.requiredMet()).isTrue();
			});
		assertThatThrownBy(() -> sessions.create(plan, null, null, DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
	}

	@Test
	void decisionNumbersAreSequentialAndUniqueUnderConcurrency() throws Exception {
		List<String> keys = List.of(sessions.create(plan(), null, null, DRAFTER).key(),
				sessions.create(plan(), null, null, DRAFTER).key());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<RecognitionDecision>> issued = pool.invokeAll(keys.stream()
				.<Callable<RecognitionDecision>>map(key -> () -> sessions.issueDecision(key,
						Map.of("DK-A-" + key.replaceAll("-PH\\d+$", ""), "RECOGNIZE", "DK-B-" + key.replaceAll("-PH\\d+$", ""),
								"NOT_RECOGNIZE"), "Chưa đạt", "approver"))
				.toList());
			List<Integer> numbers = new java.util.ArrayList<>();
			for (Future<RecognitionDecision> f : issued) {
				RecognitionDecision d = f.get();
				assertThat(d.number()).isEqualTo(d.sequence() + "/QĐ-BTGDV");
				numbers.add(d.sequence());
			}
			assertThat(numbers).doesNotHaveDuplicates();
			assertThat(Math.abs(numbers.get(0) - numbers.get(1))).isEqualTo(1);
			assertThat(sessions.decisionPdf(issued.get(0).get().id(), DRAFTER)).isEqualTo("%PDF".getBytes());
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aUnitHeadReadsTheOutcomesOfTheirOwnModelsAndOnlyTheDecisionsThatDecidedOne() {
		String plan = plan();
		String key = sessions.create(plan, null, null, DRAFTER).key();
		RecognitionDecision decision = sessions.issueDecision(key,
				Map.of("DK-A-" + plan, "RECOGNIZE_TYPICAL", "DK-B-" + plan, "NOT_RECOGNIZE"), "Chưa đạt", "approver");
		CurrentUser headSoYTe = new CurrentUser("head-so-y-te", Set.of("unit-heads", "unit-so-y-te"));
		CurrentUser headCamHaiDong = new CurrentUser("head-xa-cam-hai-dong",
				Set.of("unit-heads", "unit-xa-cam-hai-dong"));

		assertThat(sessions.ownUnitsRecognitions(headSoYTe)).filteredOn(r -> r.planCode().equals(plan))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.registrationCode()).isEqualTo("DK-B-" + plan);
				assertThat(r.outcome()).isEqualTo(RecognitionOutcome.NOT_RECOGNIZED);
				assertThat(r.decisionId()).isEqualTo(decision.id());
				assertThat(r.decisionNumber()).isEqualTo(decision.number());
			});
		assertThat(sessions.ownUnitsRecognitions(headCamHaiDong)).filteredOn(r -> r.planCode().equals(plan)).isEmpty();
		assertThat(sessions.decisionPdf(decision.id(), headSoYTe)).isEqualTo("%PDF".getBytes());
		assertThat(sessions.decisionPdf(decision.id(), COUNCIL1)).isEqualTo("%PDF".getBytes());
		assertThatThrownBy(() -> sessions.decisionPdf(decision.id(), headCamHaiDong))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	private String plan() {
		String code = "KH-" + UUID.randomUUID().toString().substring(0, 8);
		given(clock.instant()).willReturn(java.time.Instant.parse("2026-12-01T02:00:00Z"));
		vn.dvk.plan.Plan p = Fixtures.plan();
		given(plans.require(code)).willReturn(new vn.dvk.plan.Plan(code, p.title(), p.year(), p.legalBasisNumber(),
				p.legalBasisDate(), p.description(), p.fields(), p.scopeUnitCodes(), p.reviewMode(), p.registrationDeadline(),
				p.reminderDaysBefore(), p.reviewDays(), p.escalationDays(), p.status(), p.createdBy(), p.createdAt(),
				p.publishedAt()));
		given(plans.rules(code)).willReturn(new PlanRules(List.of(new Criterion("TC1", "Hiệu quả", true, 3),
				new Criterion("TC2", "Nhân rộng", false, 1)), List.of(), 70, 90, List.of(), null));
		given(registrations.inStatus(code, RegistrationStatus.REPORTED, null))
			.willReturn(List.of(registration("DK-A-" + code, code, "mttq-tinh"), registration("DK-B-" + code, code, "so-y-te")));
		given(registrations.resultReport(anyString())).willReturn(Optional.empty());
		given(organization.find(anyString())).willReturn(Optional.empty());
		given(documents.pdf(eq("recognition-decision"), any())).willReturn("%PDF".getBytes());
		return code;
	}

	private static Registration registration(String code, String plan, String unit) {
		Registration r = Fixtures.registration(unit);
		return new Registration(code, plan, unit, r.kind(), "KINH_TE", false, null, r.items(), RegistrationStatus.REPORTED,
				r.createdBy(), r.createdAt(), r.updatedAt(), r.submittedAt());
	}

}
