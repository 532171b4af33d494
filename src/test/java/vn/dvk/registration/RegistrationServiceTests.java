package vn.dvk.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;
import vn.dvk.system.EmbeddedPostgresConfiguration;

/**
 * The registration service on real PostgreSQL. Every operation commits (no test transaction),
 * as in production; each test works under its own plan so tests do not see each other's rows.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, RegistrationService.class, RegistrationRepository.class,
		AttachmentTypes.class, RegistrationServiceTests.Doubles.class })
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RegistrationServiceTests {

	static final CurrentUser HEAD_CAM_HAI_DONG = user("head-xa-cam-hai-dong", "unit-heads", "unit-xa-cam-hai-dong");

	static final CurrentUser HEAD_CAM_HAI_TAY = user("head-xa-cam-hai-tay", "unit-heads", "unit-xa-cam-hai-tay");

	static final CurrentUser HEAD_NHA_TRANG = user("head-phuong-nha-trang", "unit-heads", "unit-phuong-nha-trang");

	static final CurrentUser DISTRICT_REVIEWER = user("reviewer-huyen-cam-lam", "reviewers-huyen-cam-lam");

	static final CurrentUser PROVINCE_REVIEWER = user("reviewer-tinh", "reviewers-tinh");

	static final CurrentUser DRAFTER = user("drafter", "plan-drafters");

	static final AtomicInteger PLANS = new AtomicInteger();

	@Autowired
	RegistrationService registrations;

	@Autowired
	PlanService plans;

	@Autowired
	FakeRegistrationWorkflow workflow;

	@Autowired
	JdbcClient jdbc;

	String planCode;

	@BeforeEach
	void openPlan() {
		planCode = plan(PlanStatus.REGISTRATION_OPEN, Instant.now().plus(Duration.ofDays(30)), List.of()).code();
	}

	@Test
	void submittingCreatesACodedRegistrationWithHistoryAndStartsTheProcess() {
		CreatedRegistration created = registrations.create(request(true), HEAD_CAM_HAI_DONG, null);

		Registration r = created.registration();
		assertThat(created.replayed()).isFalse();
		assertThat(r.code()).matches("DK-2026-\\d{6}");
		assertThat(r.status()).isEqualTo(RegistrationStatus.SUBMITTED);
		assertThat(r.unitCode()).isEqualTo("xa-cam-hai-dong");
		assertThat(r.submittedAt()).isNotNull();
		assertThat(workflow.started).contains(r.code());
		RegistrationDetails details = registrations.get(r.code(), HEAD_CAM_HAI_DONG);
		assertThat(details.registration().items()).isEqualTo(items("Dân vận khéo trong xây dựng nông thôn mới"));
		assertThat(details.history()).singleElement().satisfies(h -> {
			assertThat(h.status()).isEqualTo(RegistrationStatus.SUBMITTED);
			assertThat(h.action()).isEqualTo("SUBMITTED");
			assertThat(h.actor()).isEqualTo("head-xa-cam-hai-dong");
		});
	}

	@Test
	void aDraftNeedsOnlyTheNameAndStartsTheProcessWhenSubmittedLater() {
		RegistrationItems onlyName = new RegistrationItems("Mô hình nháp", null, null, null, null, null, null, null,
				null, null);
		Registration draft = registrations.create(new RegistrationRequest(planCode, null, "EXEMPLAR", "KINH_TE", false,
				null, false, onlyName), HEAD_CAM_HAI_DONG, null).registration();

		assertThat(draft.status()).isEqualTo(RegistrationStatus.DRAFT);
		assertThat(draft.submittedAt()).isNull();
		assertThat(workflow.started).doesNotContain(draft.code());
		assertThat(registrations.registeredUnitCodes(planCode)).isEmpty();

		assertThatThrownBy(() -> registrations.revise(draft.code(),
				new RegistrationRequest(null, null, "EXEMPLAR", "KINH_TE", null, null, true, onlyName),
				HEAD_CAM_HAI_DONG))
			.satisfies(ex -> assertThat(fieldsOf(ex)).contains("situation", "sustainability"));

		Registration submitted = registrations.revise(draft.code(), request(true), HEAD_CAM_HAI_DONG);
		assertThat(submitted.status()).isEqualTo(RegistrationStatus.SUBMITTED);
		assertThat(submitted.kind()).isEqualTo(RegistrationKind.MODEL);
		assertThat(workflow.started).contains(draft.code());
		assertThat(registrations.history(draft.code())).extracting(HistoryEntry::action)
			.containsExactly("DRAFTED", "SUBMITTED");
		assertThat(registrations.registeredUnitCodes(planCode)).containsExactly("xa-cam-hai-dong");
	}

	@Test
	void submittingRequiresAllTenItemsWithinTheirLengths() {
		RegistrationItems items = new RegistrationItems("x".repeat(501), " ", null, "ok", "ok", "ok", "ok", "ok", "ok",
				"y".repeat(4_001));
		assertThatThrownBy(() -> registrations.create(new RegistrationRequest(planCode, null, "BOTH", null, false,
				null, true, items), HEAD_CAM_HAI_DONG, null))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.fieldErrors()).extracting(FieldProblem::field, FieldProblem::messageKey)
					.containsExactlyInAnyOrder(
							org.assertj.core.groups.Tuple.tuple("kind", "registration.field.kind"),
							org.assertj.core.groups.Tuple.tuple("field", "registration.field.required"),
							org.assertj.core.groups.Tuple.tuple("name", "registration.field.tooLong"),
							org.assertj.core.groups.Tuple.tuple("situation", "registration.field.required"),
							org.assertj.core.groups.Tuple.tuple("objectives", "registration.field.required"),
							org.assertj.core.groups.Tuple.tuple("sustainability", "registration.field.tooLong"));
			});
		assertThat(count()).isZero();
	}

	@Test
	void onlyTheHeadOfAUnitRegistersForIt() {
		RegistrationRequest forOtherUnit = new RegistrationRequest(planCode, "xa-cam-hai-tay", "MODEL", "KINH_TE",
				false, null, true, items("Mô hình"));
		assertStatus(() -> registrations.create(forOtherUnit, HEAD_CAM_HAI_DONG, null), HttpStatus.FORBIDDEN);
		assertStatus(() -> registrations.create(request(true), DISTRICT_REVIEWER, null), HttpStatus.FORBIDDEN);
		assertStatus(() -> registrations.create(request(true), DRAFTER, null), HttpStatus.FORBIDDEN);
		CurrentUser twoUnits = user("head-two", "unit-xa-cam-hai-dong", "unit-xa-cam-hai-tay");
		assertThatThrownBy(() -> registrations.create(request(true), twoUnits, null))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("unitCode"));
		assertThat(registrations.create(forOtherUnit, twoUnits, null).registration().unitCode())
			.isEqualTo("xa-cam-hai-tay");
	}

	@Test
	void thePlanMustExistBeOpenNotPastItsDeadlineCoverTheUnitAndHaveTheField() {
		RegistrationRequest unknown = new RegistrationRequest("KH-NOPE", null, "MODEL", "KINH_TE", false, null, true,
				items("Mô hình"));
		assertStatus(() -> registrations.create(unknown, HEAD_CAM_HAI_DONG, null), HttpStatus.NOT_FOUND);

		planCode = plan(PlanStatus.DRAFT, Instant.now().plus(Duration.ofDays(3)), List.of()).code();
		assertStatus(() -> registrations.create(request(true), HEAD_CAM_HAI_DONG, null), HttpStatus.CONFLICT);

		planCode = plan(PlanStatus.REGISTRATION_OPEN, Instant.now().minusSeconds(60), List.of()).code();
		assertStatus(() -> registrations.create(request(true), HEAD_CAM_HAI_DONG, null), HttpStatus.CONFLICT);

		planCode = plan(PlanStatus.REGISTRATION_OPEN, Instant.now().plus(Duration.ofDays(3)),
				List.of("phuong-nha-trang")).code();
		assertStatus(() -> registrations.create(request(true), HEAD_CAM_HAI_DONG, null), HttpStatus.CONFLICT);

		RegistrationRequest wrongField = new RegistrationRequest(planCode, null, "MODEL", "NONG_THON_MOI", false, null,
				true, items("Mô hình"));
		assertThatThrownBy(() -> registrations.create(wrongField, HEAD_NHA_TRANG, null))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("field"));
		assertThat(count()).isZero();
	}

	@Test
	void continuingNeedsAnEarlierRegistrationOfTheSameUnit() {
		String earlier = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		String otherUnits = registrations.create(request(true), HEAD_CAM_HAI_TAY, null).registration().code();

		assertThatThrownBy(() -> registrations.create(continuing(null), HEAD_CAM_HAI_DONG, null))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("previousRegistrationCode"));
		assertThatThrownBy(() -> registrations.create(continuing(otherUnits), HEAD_CAM_HAI_DONG, null))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("previousRegistrationCode"));
		Registration next = registrations.create(continuing(earlier), HEAD_CAM_HAI_DONG, null).registration();
		assertThat(next.continuing()).isTrue();
		assertThat(next.previousRegistrationCode()).isEqualTo(earlier);
	}

	@Test
	void aRevisionChangesNewOrContinuingOnlyWhenItSaysSo() {
		String earlier = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		String otherUnits = registrations.create(request(true), HEAD_CAM_HAI_TAY, null).registration().code();
		String draft = registrations.create(request(false), HEAD_CAM_HAI_DONG, null).registration().code();

		assertThatThrownBy(() -> registrations.revise(draft, revision(true, null), HEAD_CAM_HAI_DONG))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("previousRegistrationCode"));
		assertThatThrownBy(() -> registrations.revise(draft, revision(true, otherUnits), HEAD_CAM_HAI_DONG))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("previousRegistrationCode"));
		assertThatThrownBy(() -> registrations.revise(draft, revision(true, draft), HEAD_CAM_HAI_DONG))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactly("previousRegistrationCode"));

		Registration continuing = registrations.revise(draft, revision(true, earlier), HEAD_CAM_HAI_DONG);
		assertThat(continuing.continuing()).isTrue();
		assertThat(continuing.previousRegistrationCode()).isEqualTo(earlier);

		// a client that does not send the choice (continuing null) keeps it
		Registration kept = registrations.revise(draft, revision(null, null), HEAD_CAM_HAI_DONG);
		assertThat(kept.continuing()).isTrue();
		assertThat(kept.previousRegistrationCode()).isEqualTo(earlier);

		Registration fresh = registrations.revise(draft, revision(false, earlier), HEAD_CAM_HAI_DONG);
		assertThat(fresh.continuing()).isFalse();
		assertThat(fresh.previousRegistrationCode()).isNull();
		assertThat(fresh.status()).isEqualTo(RegistrationStatus.DRAFT);
	}

	@Test
	void theResultReportIsAwaitedWhileItsTaskIsOpenAndNoReportIsFiled() {
		String code = accepted(HEAD_CAM_HAI_DONG);
		given(plans.rules(planCode)).willReturn(vn.dvk.plan.PlanRules.defaults());
		assertThat(registrations.resultReportAwaited(code)).isFalse();

		workflow.openResultReportTasks.add(code);
		assertThat(registrations.resultReportAwaited(code)).isTrue();

		registrations.fileResultReport(code, report(List.of()), HEAD_CAM_HAI_DONG);
		workflow.openResultReportTasks.add(code);
		assertThat(registrations.resultReportAwaited(code)).isFalse();
	}

	@Test
	void theSameIdempotencyKeyReturnsTheSameRegistrationAndADifferentBodyIsAConflict() {
		CreatedRegistration first = registrations.create(request(true), HEAD_CAM_HAI_DONG, "key-1");
		CreatedRegistration again = registrations.create(request(true), HEAD_CAM_HAI_DONG, "key-1");

		assertThat(again.replayed()).isTrue();
		assertThat(again.registration().code()).isEqualTo(first.registration().code());
		assertThat(count()).isEqualTo(1);
		assertThat(workflow.started).containsOnlyOnce(first.registration().code());

		RegistrationRequest other = new RegistrationRequest(planCode, null, "MODEL", "KINH_TE", false, null, true,
				items("Một mô hình khác"));
		assertStatus(() -> registrations.create(other, HEAD_CAM_HAI_DONG, "key-1"), HttpStatus.CONFLICT);
		// another user's key is another key
		assertThat(registrations.create(request(true), HEAD_CAM_HAI_TAY, "key-1").replayed()).isFalse();
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void twoConcurrentRequestsWithTheSameKeyCreateOneRegistration() throws Exception {
		String key = "concurrent-" + planCode;
		CountDownLatch go = new CountDownLatch(1);
		Callable<CreatedRegistration> call = () -> {
			go.await();
			return registrations.create(request(true), HEAD_CAM_HAI_DONG, key);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<CreatedRegistration> a = pool.submit(call);
			Future<CreatedRegistration> b = pool.submit(call);
			go.countDown();
			CreatedRegistration ra = a.get(30, TimeUnit.SECONDS);
			CreatedRegistration rb = b.get(30, TimeUnit.SECONDS);

			assertThat(ra.registration().code()).isEqualTo(rb.registration().code());
			assertThat(List.of(ra.replayed(), rb.replayed())).containsExactlyInAnyOrder(true, false);
			assertThat(count()).isEqualTo(1);
			assertThat(workflow.started).containsOnlyOnce(ra.registration().code());
			assertThat(registrations.history(ra.registration().code())).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aFailedProcessStartLeavesNoRegistrationBehind() {
		workflow.failNextStart = true;
		assertThatThrownBy(() -> registrations.create(request(true), HEAD_CAM_HAI_DONG, "k"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(count()).isZero();
		assertThat(jdbc.sql("select count(*) from registration_history h join registration r on r.code = "
				+ "h.registration_code where r.plan_code = ?").param(planCode).query(Long.class).single()).isZero();
	}

	@Test
	void visibilityOfAHeadAReviewerAndStaff() {
		String camHaiDong = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		String camHaiTay = registrations.create(request(true), HEAD_CAM_HAI_TAY, null).registration().code();
		String nhaTrang = registrations.create(request(true), HEAD_NHA_TRANG, null).registration().code();

		assertThat(codes(filter(null), HEAD_CAM_HAI_DONG)).containsExactly(camHaiDong);
		assertThat(codes(filter(null), DISTRICT_REVIEWER)).containsExactly(camHaiTay, camHaiDong);
		assertThat(codes(filter(null), PROVINCE_REVIEWER)).containsExactly(nhaTrang, camHaiTay, camHaiDong);
		assertThat(codes(filter(null), DRAFTER)).containsExactly(nhaTrang, camHaiTay, camHaiDong);
		assertThat(codes(filter(null), user("nobody"))).isEmpty();

		assertStatus(() -> registrations.get(camHaiTay, HEAD_CAM_HAI_DONG), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.get(nhaTrang, DISTRICT_REVIEWER), HttpStatus.NOT_FOUND);
		assertThat(registrations.get(camHaiTay, DISTRICT_REVIEWER).registration().code()).isEqualTo(camHaiTay);
		assertStatus(() -> registrations.search(filter("xa-cam-hai-tay"), HEAD_CAM_HAI_DONG), HttpStatus.FORBIDDEN);
		assertStatus(() -> registrations.search(filter("phuong-nha-trang"), DISTRICT_REVIEWER), HttpStatus.FORBIDDEN);
		assertThat(codes(filter("xa-cam-hai-tay"), DISTRICT_REVIEWER)).containsExactly(camHaiTay);
	}

	@Test
	void aCouncilMemberReadsOnlyTheModelsPutBeforeTheCouncilAndTheirOwnUnits() {
		String camHaiDong = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		String camHaiTay = registrations.create(request(true), HEAD_CAM_HAI_TAY, null).registration().code();
		String nhaTrang = registrations.create(request(true), HEAD_NHA_TRANG, null).registration().code();
		CurrentUser council = user("council9", "recognition-council", "unit-phuong-nha-trang");
		CurrentUser councilOnly = user("council8", "recognition-council");
		registrations.putBeforeCouncil(List.of(camHaiTay));

		assertThat(codes(filter(null), council)).containsExactly(nhaTrang, camHaiTay);
		assertThat(codes(filter(null), councilOnly)).containsExactly(camHaiTay);
		assertThat(codes(filter("xa-cam-hai-dong"), councilOnly)).isEmpty();
		assertThat(codes(filter("xa-cam-hai-tay"), councilOnly)).containsExactly(camHaiTay);
		assertThat(registrations.get(camHaiTay, councilOnly).registration().code()).isEqualTo(camHaiTay);
		assertStatus(() -> registrations.get(camHaiDong, councilOnly), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.get(nhaTrang, councilOnly), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.get(camHaiDong, council), HttpStatus.NOT_FOUND);
	}

	@Test
	void aCouncilMembersListMergesTheAgendaAndTheOwnUnitNewestFirstAcrossPagesAndCountsEachOnce() {
		List<String> agenda = new java.util.ArrayList<>();
		List<String> own = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			agenda.add(registrations.create(request(true), HEAD_CAM_HAI_TAY, null).registration().code());
			own.add(registrations.create(request(true), HEAD_NHA_TRANG, null).registration().code());
			registrations.create(request(true), HEAD_CAM_HAI_DONG, null); // neither: never seen
		}
		String ownOnAgenda = registrations.create(request(true), HEAD_NHA_TRANG, null).registration().code();
		registrations.putBeforeCouncil(agenda);
		registrations.putBeforeCouncil(List.of(ownOnAgenda));
		CurrentUser council = user("council9", "recognition-council", "unit-phuong-nha-trang");

		List<String> expected = new java.util.ArrayList<>(agenda);
		expected.addAll(own);
		expected.add(ownOnAgenda);
		expected.sort(java.util.Comparator.reverseOrder()); // codes grow with creation time
		List<String> paged = new java.util.ArrayList<>();
		for (int page = 0; page < 4; page++) {
			RegistrationPage p = registrations.search(new RegistrationFilter(planCode, null, null, null, page, 3),
					council);
			assertThat(p.totalItems()).isEqualTo(9);
			assertThat(p.totalPages()).isEqualTo(3);
			p.items().forEach(r -> paged.add(r.code()));
		}
		assertThat(paged).containsExactlyElementsOf(expected);
		assertThat(registrations.search(new RegistrationFilter(planCode, "xa-cam-hai-tay", null, null, 0, 20), council)
			.totalItems()).isEqualTo(4);
	}

	@Test
	void searchFiltersAndPagesNewestFirst() {
		for (int i = 0; i < 5; i++) {
			registrations.create(request(true), HEAD_CAM_HAI_DONG, null);
		}
		registrations.create(new RegistrationRequest(planCode, null, "MODEL", "VAN_HOA_XA_HOI", false, null, false,
				items("Nháp")), HEAD_CAM_HAI_DONG, null);

		RegistrationPage page = registrations.search(new RegistrationFilter(planCode, null, null, null, 1, 2), DRAFTER);
		assertThat(page.totalItems()).isEqualTo(6);
		assertThat(page.totalPages()).isEqualTo(3);
		assertThat(page.items()).hasSize(2);
		List<Registration> all = registrations.search(new RegistrationFilter(planCode, null, null, null, 0, 100),
				DRAFTER).items();
		assertThat(all).extracting(Registration::code).isSortedAccordingTo(java.util.Comparator.reverseOrder());
		assertThat(registrations.search(new RegistrationFilter(planCode, null, "DRAFT", null, 0, 20), DRAFTER)
			.items()).singleElement().extracting(Registration::name).isEqualTo("Nháp");
		assertThat(registrations.search(new RegistrationFilter(planCode, null, null, "VAN_HOA_XA_HOI", 0, 20),
				HEAD_CAM_HAI_DONG).totalItems()).isEqualTo(1);
		assertThatThrownBy(() -> registrations.search(new RegistrationFilter(planCode, null, "NOPE", null, -1, 101),
				DRAFTER)).satisfies(ex -> assertThat(fieldsOf(ex)).containsExactlyInAnyOrder("status", "page", "size"));
	}

	@Test
	void onlyDraftsAndReturnedRegistrationsOfTheOwnUnitAreRevisedAndTheHistoryIsKept() {
		String code = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		RegistrationRequest revision = new RegistrationRequest(null, null, "MODEL", "VAN_HOA_XA_HOI", null, null, true,
				items("Tên đã sửa"));

		assertThatThrownBy(() -> registrations.revise(code, revision, HEAD_CAM_HAI_DONG))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.args()).contains("Đã gửi");
			});
		registrations.changeStatus(code, RegistrationStatus.IN_REVIEW, null, null, null, null);
		registrations.changeStatus(code, RegistrationStatus.RETURNED, "RETURNED", "huyen-cam-lam",
				"reviewer-huyen-cam-lam", "Bổ sung nguồn lực");
		assertStatus(() -> registrations.revise(code, revision, HEAD_CAM_HAI_TAY), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.revise(code, revision, DISTRICT_REVIEWER), HttpStatus.FORBIDDEN);

		Registration revised = registrations.revise(code, revision, HEAD_CAM_HAI_DONG);

		assertThat(revised.code()).isEqualTo(code);
		assertThat(revised.name()).isEqualTo("Tên đã sửa");
		assertThat(revised.field()).isEqualTo("VAN_HOA_XA_HOI");
		assertThat(workflow.revisionsCompleted).containsExactly(code + ":Tên đã sửa");
		// the process marks it SUBMITTED again
		registrations.changeStatus(code, RegistrationStatus.SUBMITTED, "RESUBMITTED", null, "head-xa-cam-hai-dong",
				null);
		assertThat(registrations.history(code)).extracting(HistoryEntry::status, HistoryEntry::action,
				HistoryEntry::comment)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(RegistrationStatus.SUBMITTED, "SUBMITTED", null),
					org.assertj.core.groups.Tuple.tuple(RegistrationStatus.IN_REVIEW, "IN_REVIEW", null),
					org.assertj.core.groups.Tuple.tuple(RegistrationStatus.RETURNED, "RETURNED", "Bổ sung nguồn lực"),
					org.assertj.core.groups.Tuple.tuple(RegistrationStatus.RETURNED, "REVISED", null),
					org.assertj.core.groups.Tuple.tuple(RegistrationStatus.SUBMITTED, "RESUBMITTED", null));
		registrations.recordHistory(code, "APPROVED", "huyen-cam-lam", "reviewer-huyen-cam-lam", null);
		assertThat(registrations.find(code).orElseThrow().status()).isEqualTo(RegistrationStatus.SUBMITTED);
		assertThat(registrations.history(code)).last().extracting(HistoryEntry::reviewUnitCode)
			.isEqualTo("huyen-cam-lam");
	}

	@Test
	void attachmentsAreCheckedStoredWithTheirHashAndDownloadedByWhoMaySee() {
		String code = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		byte[] pdf = AttachmentTypesTests.pdf();

		AttachmentInfo info = registrations.addAttachment(code, "C:\\Users\\ke-hoach đơn vị.pdf", pdf,
				HEAD_CAM_HAI_DONG);
		assertThat(info.fileName()).isEqualTo("ke-hoach đơn vị.pdf");
		assertThat(info.contentType()).isEqualTo("application/pdf");
		assertThat(info.sha256()).isEqualTo(RegistrationService.sha256(pdf)).hasSize(64);
		assertThat(registrations.attachment(code, info.id(), DISTRICT_REVIEWER).content()).isEqualTo(pdf);
		assertStatus(() -> registrations.attachment(code, info.id(), HEAD_NHA_TRANG), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.attachment(code, info.id() + 999, HEAD_CAM_HAI_DONG), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.addAttachment(code, "a.pdf", pdf, DISTRICT_REVIEWER), HttpStatus.FORBIDDEN);
		assertStatus(() -> registrations.addAttachment(code, "a.pdf", new byte[0], HEAD_CAM_HAI_DONG),
				HttpStatus.BAD_REQUEST);
		assertStatus(() -> registrations.addAttachment(code, "a.pdf", "<html></html>".getBytes(), HEAD_CAM_HAI_DONG),
				HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		for (int i = 1; i < RegistrationService.ATTACHMENTS_MAX; i++) {
			registrations.addAttachment(code, i + ".pdf", pdf, HEAD_CAM_HAI_DONG);
		}
		assertStatus(() -> registrations.addAttachment(code, "21.pdf", pdf, HEAD_CAM_HAI_DONG), HttpStatus.CONFLICT);
		assertThat(registrations.get(code, HEAD_CAM_HAI_DONG).attachments()).hasSize(RegistrationService.ATTACHMENTS_MAX);

		String accepted = registrations.create(request(true), HEAD_CAM_HAI_DONG, null).registration().code();
		registrations.changeStatus(accepted, RegistrationStatus.ACCEPTED, null, "tinh", "reviewer-tinh", null);
		// evidence for the result report is uploaded while ACCEPTED (and REPORTED), not after recognition
		assertThat(registrations.addAttachment(accepted, "minh-chung.pdf", pdf, HEAD_CAM_HAI_DONG).id()).isPositive();
		registrations.changeStatus(accepted, RegistrationStatus.RECOGNIZED, null, null, null, null);
		assertStatus(() -> registrations.addAttachment(accepted, "a.pdf", pdf, HEAD_CAM_HAI_DONG),
				HttpStatus.CONFLICT);
	}

	// ---------------------------------------------------------------- helpers

	// ---------------------------------------------------------------- result reports (issue 3)

	@Test
	void theUnitFilesAResultReportWithEvidenceWhileItsReportTaskIsOpen() {
		String code = accepted(HEAD_CAM_HAI_DONG);
		given(plans.rules(planCode)).willReturn(vn.dvk.plan.PlanRules.defaults());
		long evidence = registrations.addAttachment(code, "bien-ban.pdf", AttachmentTypesTests.pdf(), HEAD_CAM_HAI_DONG)
			.id();
		ResultReportRequest request = report(List.of(evidence));

		assertStatus(() -> registrations.fileResultReport(code, request, HEAD_CAM_HAI_DONG), HttpStatus.CONFLICT);
		workflow.openResultReportTasks.add(code);
		assertStatus(() -> registrations.fileResultReport(code, request, HEAD_CAM_HAI_TAY), HttpStatus.NOT_FOUND);
		assertStatus(() -> registrations.fileResultReport(code, request, DISTRICT_REVIEWER), HttpStatus.FORBIDDEN);

		ResultReport filed = registrations.fileResultReport(code, request, HEAD_CAM_HAI_DONG);

		assertThat(workflow.resultReportsCompleted).containsExactly(code + ":head-xa-cam-hai-dong");
		assertThat(registrations.resultReport(code)).get().satisfies(r -> {
			assertThat(r.results()).isEqualTo("Hoàn thành 2 km đường bê tông");
			assertThat(r.selfEvaluation()).hasSize(5).first().isEqualTo(new SelfEvaluation("TC1", true, "Kế hoạch số 5"));
			assertThat(r.attachmentIds()).containsExactly(evidence);
			assertThat(r.filedBy()).isEqualTo("head-xa-cam-hai-dong");
		});
		assertThat(filed.registrationCode()).isEqualTo(code);
		assertStatus(() -> registrations.fileResultReport(code, request, HEAD_CAM_HAI_DONG), HttpStatus.CONFLICT);
	}

	@Test
	void aResultReportNeedsResultsOutputsEveryCriterionEvidenceWhenMetAndOwnAttachments() {
		String code = accepted(HEAD_CAM_HAI_DONG);
		String other = accepted(HEAD_CAM_HAI_TAY);
		long othersFile = registrations.addAttachment(other, "anh.pdf", AttachmentTypesTests.pdf(), HEAD_CAM_HAI_TAY).id();
		given(plans.rules(planCode)).willReturn(vn.dvk.plan.PlanRules.defaults());
		workflow.openResultReportTasks.add(code);
		ResultReportRequest bad = new ResultReportRequest(" ", null,
				List.of(new SelfEvaluation("TC1", true, " "), new SelfEvaluation("TC1", false, null),
						new SelfEvaluation("TC9", false, null), new SelfEvaluation("TC2", false, null)),
				List.of(othersFile));

		assertThatThrownBy(() -> registrations.fileResultReport(code, bad, HEAD_CAM_HAI_DONG))
			.satisfies(ex -> assertThat(fieldsOf(ex)).containsExactlyInAnyOrder("results", "outputs",
					"selfEvaluation[0].evidence", "selfEvaluation[1].criterionCode", "selfEvaluation[2].criterionCode",
					"selfEvaluation", "attachmentIds[0]"));
		assertThat(registrations.resultReport(code)).isEmpty();
		assertThat(workflow.resultReportsCompleted).isEmpty();
	}

	@Test
	void lateRegistrationsAreFlaggedOnceAndFoundByTheOverdueFilter() {
		String late = accepted(HEAD_CAM_HAI_DONG);
		String reported = accepted(HEAD_CAM_HAI_TAY);
		registrations.changeStatus(reported, RegistrationStatus.REPORTED, "REPORTED", null, "head-xa-cam-hai-tay", null);

		assertThat(registrations.inStatus(planCode, RegistrationStatus.ACCEPTED, null)).extracting(Registration::code)
			.containsExactly(late);
		assertThat(registrations.inStatus(planCode, RegistrationStatus.ACCEPTED, "VAN_HOA_XA_HOI")).isEmpty();
		assertThat(registrations.markResultReportsOverdue(planCode, "Quá hạn")).extracting(Registration::code)
			.containsExactly(late);
		assertThat(registrations.markResultReportsOverdue(planCode, "Quá hạn")).isEmpty();

		assertThat(registrations.resultReportOverdue(late)).isTrue();
		assertThat(registrations.resultReportOverdue(reported)).isFalse();
		assertThat(registrations.history(late)).last().satisfies(h -> {
			assertThat(h.action()).isEqualTo("REPORT_OVERDUE");
			assertThat(h.status()).isEqualTo(RegistrationStatus.ACCEPTED);
			assertThat(h.comment()).isEqualTo("Quá hạn");
		});
		RegistrationFilter overdue = new RegistrationFilter(planCode, null, null, null, null, null, true);
		assertThat(codes(overdue, DRAFTER)).containsExactly(late);
		assertThat(codes(overdue, HEAD_CAM_HAI_TAY)).isEmpty();
		assertThat(codes(new RegistrationFilter(planCode, null, null, null, null, null, false), DRAFTER))
			.containsExactly(reported);
	}

	@Test
	void theSeasonBoardCountsPerUnitAndStatusAndListsTheLateReportsForStaffOnly() {
		String late = accepted(HEAD_CAM_HAI_DONG);
		registrations.create(request(true), HEAD_CAM_HAI_DONG, null);
		registrations.create(request(true), HEAD_CAM_HAI_DONG, null);
		registrations.create(request(false), HEAD_NHA_TRANG, null);
		String tay = accepted(HEAD_CAM_HAI_TAY);
		String onTime = accepted(HEAD_NHA_TRANG);
		registrations.changeStatus(onTime, RegistrationStatus.REPORTED, "REPORTED", null, "head-phuong-nha-trang", null);
		registrations.markResultReportsOverdue(planCode, "Quá hạn");

		assertThat(registrations.countsByUnitAndStatus(planCode, DRAFTER)).containsExactlyInAnyOrder(
				new UnitStatusCount("xa-cam-hai-dong", RegistrationStatus.ACCEPTED, 1),
				new UnitStatusCount("xa-cam-hai-dong", RegistrationStatus.SUBMITTED, 2),
				new UnitStatusCount("phuong-nha-trang", RegistrationStatus.DRAFT, 1),
				new UnitStatusCount("phuong-nha-trang", RegistrationStatus.REPORTED, 1),
				new UnitStatusCount("xa-cam-hai-tay", RegistrationStatus.ACCEPTED, 1));
		RegistrationPage overdue = registrations.resultReportsOverdue(planCode, 1, DRAFTER);
		assertThat(overdue.totalItems()).isEqualTo(2);
		assertThat(overdue.items()).singleElement().extracting(Registration::code).isIn(late, tay);

		assertStatus(() -> registrations.countsByUnitAndStatus(planCode, HEAD_CAM_HAI_DONG), HttpStatus.FORBIDDEN);
		assertStatus(() -> registrations.resultReportsOverdue(planCode, 10, PROVINCE_REVIEWER), HttpStatus.FORBIDDEN);
	}

	private String accepted(CurrentUser head) {
		String code = registrations.create(request(true), head, null).registration().code();
		registrations.changeStatus(code, RegistrationStatus.ACCEPTED, "ACCEPTED", "tinh", "reviewer-tinh", null);
		return code;
	}

	private static ResultReportRequest report(List<Long> attachmentIds) {
		List<SelfEvaluation> evaluation = List.of(new SelfEvaluation("TC1", true, "Kế hoạch số 5"),
				new SelfEvaluation("TC2", true, "Đạt 100% chỉ tiêu"), new SelfEvaluation("TC3", true, "320 hộ tham gia"),
				new SelfEvaluation("TC4", false, null), new SelfEvaluation("TC5", true, "Ảnh, biên bản nghiệm thu"));
		return new ResultReportRequest("Hoàn thành 2 km đường bê tông", "2 km đường, 1 nhà văn hóa", evaluation,
				attachmentIds);
	}

	private Plan plan(PlanStatus status, Instant deadline, List<String> scope) {
		String code = "KH-T-" + PLANS.incrementAndGet() + "-" + System.nanoTime();
		Plan plan = new Plan(code, "Kế hoạch thử " + code, 2026, "35-CT/TU", null, null,
				List.of(new PlanField("KINH_TE", "Kinh tế"), new PlanField("VAN_HOA_XA_HOI", "Văn hóa – xã hội")),
				scope, ReviewMode.EVERY_LEVEL, deadline, 7, 5, 10, status, "drafter", Instant.now(), null);
		jdbc.sql("insert into plan (code, title, plan_year, fields, scope_unit_codes, review_mode, "
				+ "registration_deadline, reminder_days_before, review_days, escalation_days, status, created_by, "
				+ "created_at) values (?, ?, 2026, '[]'::jsonb, '[]'::jsonb, 'EVERY_LEVEL', ?, 7, 5, 10, ?, "
				+ "'drafter', now())")
			.params(code, plan.title(), java.sql.Timestamp.from(deadline), status.name())
			.update();
		given(plans.find(code)).willReturn(java.util.Optional.of(plan));
		given(plans.require(code)).willReturn(plan);
		return plan;
	}

	private RegistrationRequest request(boolean submit) {
		return new RegistrationRequest(planCode, null, "MODEL", "KINH_TE", false, null, submit,
				items("Dân vận khéo trong xây dựng nông thôn mới"));
	}

	private static RegistrationRequest revision(Boolean continuing, String previous) {
		return new RegistrationRequest(null, null, "MODEL", "KINH_TE", continuing, previous, false, items("Bản nháp"));
	}

	private RegistrationRequest continuing(String previous) {
		return new RegistrationRequest(planCode, null, "MODEL", "KINH_TE", true, previous, true, items("Tiếp tục"));
	}

	static RegistrationItems items(String name) {
		return new RegistrationItems(name, "Thực trạng", "Mục tiêu", "Cách thức", "Địa bàn", "Lực lượng", "Nguồn lực",
				"Năm 2026", "Sản phẩm", "Nhân rộng");
	}

	private RegistrationFilter filter(String unit) {
		return new RegistrationFilter(planCode, unit, null, null, null, null);
	}

	private List<String> codes(RegistrationFilter filter, CurrentUser user) {
		return registrations.search(filter, user).items().stream().map(Registration::code).toList();
	}

	private long count() {
		return jdbc.sql("select count(*) from registration where plan_code = ?")
			.param(planCode)
			.query(Long.class)
			.single();
	}

	static CurrentUser user(String id, String... groups) {
		return new CurrentUser(id, Set.of(groups));
	}

	static List<String> fieldsOf(Throwable ex) {
		assertThat(ex).isInstanceOf(DvkException.class);
		DvkException dvk = (DvkException) ex;
		assertThat(dvk.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		return dvk.fieldErrors().stream().map(FieldProblem::field).toList();
	}

	static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(DvkException.class,
				ex -> assertThat(ex.status()).isEqualTo(status));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		PlanService planService() {
			return mock(PlanService.class);
		}

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		FakeRegistrationWorkflow registrationWorkflow() {
			return new FakeRegistrationWorkflow();
		}

	}

}
