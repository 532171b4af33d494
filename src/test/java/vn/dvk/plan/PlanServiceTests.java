package vn.dvk.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.plan.PlanTestSupport.FakePlanWorkflow;
import vn.dvk.plan.PlanTestSupport.MutableClock;
import vn.dvk.shared.DvkException;
import vn.dvk.system.EmbeddedPostgresConfiguration;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, PlanTestSupport.class, PlanService.class, PlanRepository.class,
		PlanValidator.class, PlanRulesRepository.class, PlanRulesValidator.class })
@ActiveProfiles("test")
class PlanServiceTests {

	static final Instant DEADLINE = PlanTestSupport.NOW.plus(Duration.ofDays(45));

	@Autowired
	PlanService plans;

	@Autowired
	FakePlanWorkflow workflow;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void reset() {
		workflow.reset();
		clock.set(PlanTestSupport.NOW);
	}

	static PlanDraft draft(String code, int year) {
		return new PlanDraft(code, "Kế hoạch thi đua \"Dân vận khéo\" năm " + year, year, "35-CT/TU",
				LocalDate.of(2022, 11, 2), "Triển khai phong trào trong toàn tỉnh", null, null, null, DEADLINE, 7, 10,
				20);
	}

	static PlanDraft minimal(String title) {
		return new PlanDraft(null, title, 2026, null, null, null, null, null, null, DEADLINE, null, null, null);
	}

	@Test
	void aNewPlanIsADraftWithGeneratedCodeStandardFieldsEveryRegisteringUnitAndDefaults() {
		Plan plan = plans.create(minimal("  Kế hoạch năm 2026  "), "drafter");

		assertThat(plan.code()).isEqualTo("KH-2026-01");
		assertThat(plan.title()).isEqualTo("Kế hoạch năm 2026");
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(plan.fields()).extracting(PlanField::code)
			.containsExactly("KINH_TE", "VAN_HOA_XA_HOI", "QUOC_PHONG_AN_NINH", "XAY_DUNG_HE_THONG_CHINH_TRI");
		assertThat(plan.field("VAN_HOA_XA_HOI")).map(PlanField::name).hasValue("Văn hóa – xã hội");
		assertThat(plan.scopeUnitCodes()).containsExactly("xa-cam-lam", "phuong-nha-trang", "huyen-cam-lam",
				"xa-cam-hai-dong");
		assertThat(plan.reviewMode()).isEqualTo(ReviewMode.EVERY_LEVEL);
		assertThat(plan.registrationDeadline()).isEqualTo(DEADLINE);
		assertThat(plan.reminderDaysBefore()).isEqualTo(PlanValidator.DEFAULT_REMINDER_DAYS_BEFORE);
		assertThat(plan.reviewDays()).isEqualTo(PlanValidator.DEFAULT_REVIEW_DAYS);
		assertThat(plan.escalationDays()).isEqualTo(PlanValidator.DEFAULT_ESCALATION_DAYS);
		assertThat(plan.createdBy()).isEqualTo("drafter");
		assertThat(plan.createdAt()).isEqualTo(PlanTestSupport.NOW);
		assertThat(plan.publishedAt()).isNull();
		assertThat(plans.history(plan.code())).containsExactly(
				new PlanHistoryEntry(PlanStatus.DRAFT, "drafter", null, PlanTestSupport.NOW));
		assertThat(plans.find(plan.code())).hasValue(plan);
	}

	@Test
	void everyDraftedValueIsStoredAndReadBackUnchanged() {
		PlanDraft draft = new PlanDraft("KH-2026-05", "Kế hoạch số 12", 2026, "35-CT/TU", LocalDate.of(2022, 11, 2),
				"Mô tả", List.of(new PlanField("KINH_TE", "Kinh tế"), new PlanField("NONG_THON_MOI", "Nông thôn mới")),
				List.of("xa-cam-hai-dong", "xa-cam-lam"), ReviewMode.DIRECT_PARENT, DEADLINE, 7, 5, 8);

		Plan plan = plans.create(draft, "drafter");

		assertThat(plans.require("KH-2026-05")).isEqualTo(plan);
		assertThat(plan).extracting(Plan::code, Plan::legalBasisNumber, Plan::legalBasisDate, Plan::description,
				Plan::fields, Plan::scopeUnitCodes, Plan::reviewMode, Plan::reminderDaysBefore, Plan::reviewDays,
				Plan::escalationDays)
			.containsExactly("KH-2026-05", "35-CT/TU", LocalDate.of(2022, 11, 2), "Mô tả", draft.fields(),
					List.of("xa-cam-hai-dong", "xa-cam-lam"), ReviewMode.DIRECT_PARENT, 7, 5, 8);
		assertThat(plan.registrationReminderAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(7)));
	}

	@Test
	void generatedCodesCountUpPerYearAfterTheHighestCodeInUse() {
		assertThat(plans.create(minimal("Một"), "drafter").code()).isEqualTo("KH-2026-01");
		assertThat(plans.create(minimal("Hai"), "drafter").code()).isEqualTo("KH-2026-02");
		assertThat(plans.create(draft(null, 2027), "drafter").code()).isEqualTo("KH-2027-01");
		assertThat(plans.create(draft("KH-2026-117", 2026), "drafter").code()).isEqualTo("KH-2026-117");
		assertThat(plans.create(minimal("Ba"), "drafter").code()).isEqualTo("KH-2026-118");
	}

	@Test
	void aCodeAlreadyInUseIsAConflict() {
		plans.create(draft("KH-2026-03", 2026), "drafter");

		assertThatThrownBy(() -> plans.create(draft("KH-2026-03", 2026), "someone"))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("plan.duplicate");
				assertThat(ex.args()).containsExactly("KH-2026-03");
			});
		assertThat(plans.require("KH-2026-03").createdBy()).isEqualTo("drafter");
	}

	@Test
	void aGivenCodeMustFollowThePatternAndCarryThePlanYear() {
		assertThat(problems(() -> plans.create(draft("KH-26-1", 2026), "drafter")))
			.containsExactly(tuple("code", "plan.code.pattern"));
		assertThat(problems(() -> plans.create(draft("KH-2026-0001", 2026), "drafter")))
			.containsExactly(tuple("code", "plan.code.pattern"));
		assertThat(problems(() -> plans.create(draft("KH-2025-01", 2026), "drafter")))
			.containsExactly(tuple("code", "plan.code.yearMismatch"));
	}

	@Test
	void everyInvalidFieldIsReportedAtOnceAndNothingIsSaved() {
		PlanDraft bad = new PlanDraft(null, " ", 2019, "x".repeat(101), LocalDate.of(2026, 1, 16), null,
				List.of(new PlanField("kinh_te", "Kinh tế"), new PlanField("VAN_HOA", " "),
						new PlanField("VAN_HOA", "Văn hóa")),
				List.of("xa-cam-lam", "khong-co", "tinh", "xa-cam-lam"), null, PlanTestSupport.NOW.minusSeconds(1), -1,
				0, 200);

		assertThat(problems(() -> plans.create(bad, "drafter"))).containsExactlyInAnyOrder(
				tuple("year", "plan.year.range"), tuple("title", "plan.title.required"),
				tuple("legalBasisNumber", "plan.legalBasisNumber.tooLong"),
				tuple("legalBasisDate", "plan.legalBasisDate.future"), tuple("fields[0].code", "plan.fields.code.pattern"),
				tuple("fields[1].name", "plan.fields.name.required"),
				tuple("fields[2].code", "plan.fields.code.duplicate"),
				tuple("scopeUnitCodes[1]", "plan.scopeUnitCodes.unknown"),
				tuple("scopeUnitCodes[2]", "plan.scopeUnitCodes.notRegistering"),
				tuple("scopeUnitCodes[3]", "plan.scopeUnitCodes.duplicate"),
				tuple("registrationDeadline", "plan.registrationDeadline.past"),
				tuple("reminderDaysBefore", "plan.reminderDaysBefore.range"), tuple("reviewDays", "plan.reviewDays.range"),
				tuple("escalationDays", "plan.escalationDays.range"));
		assertThat(jdbc.sql("select count(*) from plan").query(Integer.class).single()).isZero();
	}

	@Test
	void requiredValuesAreTitleYearAndRegistrationDeadline() {
		PlanDraft empty = new PlanDraft(null, null, null, null, null, null, null, null, null, null, null, null, null);

		assertThat(problems(() -> plans.create(empty, "drafter"))).containsExactlyInAnyOrder(
				tuple("title", "plan.title.required"), tuple("year", "plan.year.required"),
				tuple("registrationDeadline", "plan.registrationDeadline.required"));
	}

	@Test
	void aTitleOfFiveHundredCharactersIsAcceptedButNotOneMore() {
		assertThat(plans.create(minimal("đ".repeat(500)), "drafter").title()).hasSize(500);
		assertThat(problems(() -> plans.create(minimal("đ".repeat(501)), "drafter")))
			.containsExactly(tuple("title", "plan.title.tooLong"));
	}

	@Test
	void escalationMustComeAfterTheReviewPeriod() {
		PlanDraft same = new PlanDraft(null, "Kế hoạch", 2026, null, null, null, null, null, null, DEADLINE, 3, 10, 10);
		PlanDraft later = new PlanDraft(null, "Kế hoạch", 2026, null, null, null, null, null, null, DEADLINE, 3, 10, 11);

		assertThat(problems(() -> plans.create(same, "drafter")))
			.containsExactly(tuple("escalationDays", "plan.escalationDays.range"));
		assertThat(plans.create(later, "drafter").escalationDays()).isEqualTo(11);
	}

	@Test
	void theReminderMustNotFallInThePastAndItsDefaultNeverDoes() {
		Instant inTwoDays = PlanTestSupport.NOW.plus(Duration.ofDays(2)).plusSeconds(60);
		PlanDraft tooEarly = new PlanDraft(null, "Kế hoạch", 2026, null, null, null, null, null, null, inTwoDays, 3,
				null, null);
		PlanDraft defaulted = new PlanDraft(null, "Kế hoạch", 2026, null, null, null, null, null, null, inTwoDays,
				null, null, null);

		assertThat(problems(() -> plans.create(tooEarly, "drafter")))
			.containsExactly(tuple("reminderDaysBefore", "plan.reminderDaysBefore.past"));
		Plan plan = plans.create(defaulted, "drafter");
		assertThat(plan.reminderDaysBefore()).isEqualTo(2);
		assertThat(plan.registrationReminderAt()).isAfter(PlanTestSupport.NOW);
	}

	@Test
	void updateRewritesADraftButKeepsItsCodeCreatorAndStatus() {
		String code = plans.create(draft(null, 2026), "drafter").code();
		clock.advance(Duration.ofHours(1));
		PlanDraft changed = new PlanDraft(null, "Kế hoạch đã sửa", 2026, null, null, null,
				List.of(new PlanField("KINH_TE", "Kinh tế")), List.of("xa-cam-lam"), ReviewMode.PROVINCE_ONLY,
				DEADLINE.plus(Duration.ofDays(1)), 5, 7, 14);

		Plan plan = plans.update(code, changed, "drafter2");

		assertThat(plan.code()).isEqualTo(code);
		assertThat(plan.title()).isEqualTo("Kế hoạch đã sửa");
		assertThat(plan.legalBasisNumber()).isNull();
		assertThat(plan.fields()).containsExactly(new PlanField("KINH_TE", "Kinh tế"));
		assertThat(plan.scopeUnitCodes()).containsExactly("xa-cam-lam");
		assertThat(plan.reviewMode()).isEqualTo(ReviewMode.PROVINCE_ONLY);
		assertThat(plan.registrationDeadline()).isEqualTo(DEADLINE.plus(Duration.ofDays(1)));
		assertThat(plan.createdBy()).isEqualTo("drafter");
		assertThat(plan.createdAt()).isEqualTo(PlanTestSupport.NOW);
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(plans.require(code)).isEqualTo(plan);
	}

	@Test
	void updateCannotChangeTheCodeOrMoveThePlanToAnotherYear() {
		String code = plans.create(draft(null, 2026), "drafter").code();

		assertThat(problems(() -> plans.update(code, draft("KH-2026-09", 2026), "drafter")))
			.containsExactly(tuple("code", "plan.code.unchangeable"));
		assertThat(problems(() -> plans.update(code, draft(null, 2027), "drafter")))
			.containsExactly(tuple("year", "plan.code.yearMismatch"));
	}

	@Test
	void aPlanInApprovalCanNeitherBeUpdatedNorSubmittedAgain() {
		String code = plans.create(draft(null, 2026), "drafter").code();
		plans.changeStatus(code, PlanStatus.IN_APPROVAL, "drafter", null);

		assertThatThrownBy(() -> plans.update(code, draft(null, 2026), "drafter"))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("plan.update.illegalStatus");
				assertThat(ex.args()).containsExactly(code, "Chờ phê duyệt");
			});
		assertThatThrownBy(() -> plans.submit(code, "drafter")).isInstanceOfSatisfying(DvkException.class, ex -> {
			assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(ex.messageKey()).isEqualTo("plan.submit.illegalStatus");
		});
		assertThat(workflow.calls).isEmpty();
		assertThat(plans.require(code).title()).isEqualTo(draft(null, 2026).title());
	}

	@Test
	void submittingADraftStartsTheWorkflowAndAReturnedPlanIsResubmitted() {
		String code = plans.create(draft(null, 2026), "drafter").code();

		plans.submit(code, "drafter");
		plans.changeStatus(code, PlanStatus.IN_APPROVAL, "drafter", null);
		plans.changeStatus(code, PlanStatus.RETURNED, "approver", "Bổ sung căn cứ pháp lý");
		plans.update(code, draft(null, 2026), "drafter");
		plans.submit(code, "drafter");

		assertThat(workflow.calls).containsExactly("start " + code + " by drafter", "resubmit " + code + " by drafter");
	}

	@Test
	void submitChecksThePlanAgainBecauseItsDeadlineMayHavePassed() {
		String code = plans.create(draft(null, 2026), "drafter").code();
		clock.advance(Duration.ofDays(46));

		assertThat(problems(() -> plans.submit(code, "drafter")))
			.contains(tuple("registrationDeadline", "plan.registrationDeadline.past"));
		assertThat(workflow.calls).isEmpty();
	}

	@Test
	void statusChangesAreRecordedInOrderAndOpeningRegistrationPublishesThePlan() {
		String code = plans.create(draft(null, 2026), "drafter").code();
		clock.advance(Duration.ofMinutes(1));
		plans.changeStatus(code, PlanStatus.IN_APPROVAL, "drafter", null);
		clock.advance(Duration.ofMinutes(1));
		plans.changeStatus(code, PlanStatus.RETURNED, "approver", "Bổ sung căn cứ pháp lý");
		clock.advance(Duration.ofMinutes(1));
		plans.changeStatus(code, PlanStatus.IN_APPROVAL, "drafter", null);
		clock.advance(Duration.ofMinutes(1));
		Plan published = plans.publish(code, "approver", "Đồng ý ban hành");

		assertThat(published.status()).isEqualTo(PlanStatus.REGISTRATION_OPEN);
		assertThat(published.publishedAt()).isEqualTo(PlanTestSupport.NOW.plus(Duration.ofMinutes(4)));
		assertThat(plans.history(code)).extracting(PlanHistoryEntry::status, PlanHistoryEntry::actor,
				PlanHistoryEntry::comment)
			.containsExactly(tuple(PlanStatus.DRAFT, "drafter", null), tuple(PlanStatus.IN_APPROVAL, "drafter", null),
					tuple(PlanStatus.RETURNED, "approver", "Bổ sung căn cứ pháp lý"),
					tuple(PlanStatus.IN_APPROVAL, "drafter", null),
					tuple(PlanStatus.REGISTRATION_OPEN, "approver", "Đồng ý ban hành"));

		clock.advance(Duration.ofDays(45));
		plans.changeStatus(code, PlanStatus.REGISTRATION_CLOSED, null, null);
		assertThat(plans.require(code).status()).isEqualTo(PlanStatus.REGISTRATION_CLOSED);
		assertThat(plans.require(code).publishedAt()).isEqualTo(published.publishedAt());
	}

	@Test
	void aStatusChangeThePlanLifeDoesNotAllowIsAConflict() {
		String code = plans.create(draft(null, 2026), "drafter").code();

		assertThatThrownBy(() -> plans.changeStatus(code, PlanStatus.REGISTRATION_OPEN, "approver", null))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("plan.status.illegalTransition");
				assertThat(ex.args()).containsExactly(code, "Dự thảo", "Đang nhận đăng ký");
			});
		assertThat(plans.require(code).status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(plans.history(code)).hasSize(1);
	}

	@Test
	void anUnknownPlanIsNotFound() {
		assertThat(plans.find("KH-2026-99")).isEmpty();
		for (Runnable call : List.<Runnable>of(() -> plans.require("KH-2026-99"), () -> plans.history("KH-2026-99"),
				() -> plans.update("KH-2026-99", draft(null, 2026), "drafter"),
				() -> plans.submit("KH-2026-99", "drafter"),
				() -> plans.changeStatus("KH-2026-99", PlanStatus.IN_APPROVAL, null, null))) {
			assertThatThrownBy(call::run).isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND);
				assertThat(ex.messageKey()).isEqualTo("plan.notFound");
				assertThat(ex.args()).containsExactly("KH-2026-99");
			});
		}
	}

	@Test
	void theListShowsTheNewestYearFirst() {
		plans.create(draft(null, 2026), "drafter");
		plans.create(draft(null, 2027), "drafter");
		plans.create(draft(null, 2026), "drafter");

		assertThat(plans.list()).extracting(Plan::code).containsExactly("KH-2027-01", "KH-2026-02", "KH-2026-01");
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void plansCreatedAtTheSameTimeGetDistinctCodes() throws Exception {
		int threads = 6;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<String>> codes = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				codes.add(pool.submit(() -> {
					go.await();
					return plans.create(draft(null, 2031), "drafter").code();
				}));
			}
			go.countDown();
			List<String> created = new ArrayList<>();
			for (Future<String> code : codes) {
				created.add(code.get(60, TimeUnit.SECONDS));
			}
			Collections.sort(created);
			assertThat(created).containsExactly("KH-2031-01", "KH-2031-02", "KH-2031-03", "KH-2031-04", "KH-2031-05",
					"KH-2031-06");
		}
		finally {
			pool.shutdownNow();
			deleteYear(2031);
		}
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void whenTheWorkflowFailsTheSubmissionLeavesNoTrace() {
		try {
			String code = plans.create(draft(null, 2032), "drafter").code();
			workflow.onStart = plan -> {
				plans.changeStatus(plan.code(), PlanStatus.IN_APPROVAL, "drafter", null);
				throw new IllegalStateException("engine down");
			};

			assertThatThrownBy(() -> plans.submit(code, "drafter")).hasMessage("engine down");
			assertThat(plans.require(code).status()).isEqualTo(PlanStatus.DRAFT);
			assertThat(plans.history(code)).extracting(PlanHistoryEntry::status).containsExactly(PlanStatus.DRAFT);
		}
		finally {
			deleteYear(2032);
		}
	}

	private void deleteYear(int year) {
		jdbc.sql("delete from plan_history where plan_code in (select code from plan where plan_year = ?)")
			.param(year)
			.update();
		jdbc.sql("delete from plan where plan_year = ?").param(year).update();
	}

	/** The (field, message key) pairs of the 400 the call throws. */
	private static List<org.assertj.core.groups.Tuple> problems(Runnable call) {
		try {
			call.run();
		}
		catch (DvkException ex) {
			assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(ex.messageKey()).isEqualTo("error.invalid");
			return ex.fieldErrors().stream().map(p -> tuple(p.field(), p.messageKey())).toList();
		}
		throw new AssertionError("expected a validation error");
	}


}
