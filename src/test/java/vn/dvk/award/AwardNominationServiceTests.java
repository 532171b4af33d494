package vn.dvk.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.dvk.award.process.NominationWorkflow;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.AwardType;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.RecipientKind;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * Nominations on real PostgreSQL (every call commits). Each test works under its own plan code;
 * the plan, registrations and the register of recognised models are doubles (other modules).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ vn.dvk.system.EmbeddedPostgresConfiguration.class, AwardNominationService.class, AwardService.class,
		NominationRepository.class, AwardNominationServiceTests.Doubles.class })
@ActiveProfiles("test")
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AwardNominationServiceTests {

	static final CurrentUser DRAFTER = new CurrentUser("drafter", Set.of("plan-drafters"));

	static final CurrentUser CLERK = new CurrentUser("clerk", Set.of("award-clerks"));

	static final CurrentUser APPROVER = new CurrentUser("awardapprover", Set.of("award-approvers"));

	static final AtomicInteger PLANS = new AtomicInteger();

	@Autowired
	AwardNominationService nominations;

	@Autowired
	AwardService awards;

	@Autowired
	PlanService plans;

	@Autowired
	RegistrationService registrations;

	@Autowired
	RecognizedModelRegister register;

	@Autowired
	RecordingWorkflow workflow;

	@Autowired
	NotificationService notifications;

	String plan;

	@BeforeEach
	void newPlan() {
		plan = "KH-T%d-%02d".formatted(System.nanoTime() % 100000, PLANS.incrementAndGet());
		given(plans.rules(plan)).willReturn(new PlanRules(List.of(), List.of(), 50, 80, List.of(
				new AwardType("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy",
						"Ban Tuyên giáo và Dân vận Tỉnh ủy", false, RecipientKind.BOTH, 20),
				new AwardType("BANG_KHEN_UBND", "Bằng khen của Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", true,
						RecipientKind.BOTH, 2),
				new AwardType("KY_NIEM_CHUONG", "Kỷ niệm chương “Vì sự nghiệp dân vận”",
						"Ban Tuyên giáo và Dân vận Trung ương", true, RecipientKind.INDIVIDUAL, 3)),
				null));
	}

	@Test
	void aRecognisedModelIsNominatedAndItsProcessStarted() {
		String reg = recognised("A");

		Nomination n = nominations.nominate(collective("GIAY_KHEN_BAN", reg), DRAFTER);

		assertThat(n.code()).matches("KT-\\d{4}-\\d{4}");
		assertThat(n.status()).isEqualTo(NominationStatus.PROPOSED);
		assertThat(n.recipientName()).isEqualTo("Mô hình A");
		assertThat(n.unitCode()).isEqualTo("xa-cam-hai-dong");
		assertThat(workflow.started).contains(n.code());
		assertThat(nominations.get(n.code(), DRAFTER).history()).extracting(NominationHistoryEntry::action)
			.containsExactly("PROPOSED");
	}

	@Test
	void kyNiemChuongForACollectiveIs400() {
		assertThatThrownBy(() -> nominations.nominate(collective("KY_NIEM_CHUONG", recognised("B")), DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.fieldErrors()).extracting(DvkException.FieldProblem::field)
					.containsExactly("recipientKind");
			});
	}

	@Test
	void aModelNotRecognisedCannotBeNominated() {
		String reg = registration("C");
		assertThatThrownBy(() -> nominations.nominate(collective("GIAY_KHEN_BAN", reg), DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.messageKey())
				.isEqualTo("award.registration.notRecognized"));
	}

	@Test
	void theSameAchievementCannotReceiveTheSameAwardTwice() {
		String reg = recognised("D");
		nominations.nominate(collective("GIAY_KHEN_BAN", reg), DRAFTER);
		nominations.nominate(individual("GIAY_KHEN_BAN", "Nguyễn Thị Lan"), DRAFTER);

		assertThatThrownBy(() -> nominations.nominate(collective("GIAY_KHEN_BAN", reg), DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("award.nomination.duplicate");
			});
		assertThatThrownBy(() -> nominations.nominate(individual("GIAY_KHEN_BAN", "  nguyễn  thị LAN "), DRAFTER))
			.isInstanceOfSatisfying(DvkException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("award.nomination.duplicate"));
		// another award for the same achievement is a different question
		assertThat(nominations.nominate(collective("BANG_KHEN_UBND", reg), DRAFTER).status())
			.isEqualTo(NominationStatus.PROPOSED);
	}

	@Test
	void aFullQuotaIs409AndADeclinedNominationFreesItsSlot() {
		Nomination first = nominations.nominate(collective("BANG_KHEN_UBND", recognised("E1")), DRAFTER);
		nominations.nominate(collective("BANG_KHEN_UBND", recognised("E2")), DRAFTER);

		assertThatThrownBy(() -> nominations.nominate(collective("BANG_KHEN_UBND", recognised("E3")), DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("award.quota.reached");
			});

		nominations.changeStatus(first.code(), NominationStatus.DECLINED, "DECLINED", null, null);
		assertThat(nominations.nominate(collective("BANG_KHEN_UBND", recognised("E4")), DRAFTER)).isNotNull();
	}

	@Test
	void twoDraftersRacingForTheLastSlotOfTheQuota() throws Exception {
		nominations.nominate(collective("BANG_KHEN_UBND", recognised("F1")), DRAFTER);
		String a = recognised("F2");
		String b = recognised("F3");
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (String reg : List.of(a, b)) {
				Callable<String> call = () -> {
					go.await();
					try {
						return nominations.nominate(collective("BANG_KHEN_UBND", reg), DRAFTER).code();
					}
					catch (DvkException ex) {
						return ex.messageKey();
					}
				};
				results.add(pool.submit(call));
			}
			go.countDown();
			List<String> outcomes = new ArrayList<>();
			for (Future<String> f : results) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).filteredOn(o -> o.startsWith("KT-")).hasSize(1);
			assertThat(outcomes).filteredOn("award.quota.reached"::equals).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void revocationKeepsTheRecordAndTheCountsLeaveItOutAndEmailsTheUnitAndTheDrafters() {
		org.mockito.Mockito.clearInvocations(notifications);
		Nomination kept = nominations.nominate(collective("GIAY_KHEN_BAN", recognised("G1")), DRAFTER);
		Nomination revoked = nominations.nominate(individual("GIAY_KHEN_BAN", "Trần Văn Hùng"), DRAFTER);
		nominations.nominate(individual("KY_NIEM_CHUONG", "Lê Thị Mai"), DRAFTER);
		for (Nomination n : List.of(kept, revoked)) {
			nominations.recordDecision(n.code(), "12/QĐ-BTGDV", LocalDate.of(2026, 12, 10), null, "awardapprover");
			nominations.changeStatus(n.code(), NominationStatus.AWARDED, "APPROVED", "awardapprover", null);
		}
		assertThat(awards.counts(plan)).containsExactly(
				new AwardCount("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "COLLECTIVE", 1),
				new AwardCount("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "INDIVIDUAL", 1));

		assertThatThrownBy(() -> nominations.revoke(revoked.code(), " ", null, APPROVER))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.fieldErrors())
				.extracting(DvkException.FieldProblem::field).containsExactly("reason", "legalBasis"));
		assertThatThrownBy(() -> nominations.revoke(revoked.code(), "Khai man thành tích", "Điều 96 Luật TĐKT", DRAFTER))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN));
		Nomination after = nominations.revoke(revoked.code(), "Khai man thành tích", "Điều 96 Luật Thi đua, khen thưởng 2022",
				APPROVER);

		assertThat(after.status()).isEqualTo(NominationStatus.REVOKED);
		assertThat(after.revocation().legalBasis()).isEqualTo("Điều 96 Luật Thi đua, khen thưởng 2022");
		assertThat(after.decision().number()).isEqualTo("12/QĐ-BTGDV");
		assertThat(nominations.get(revoked.code(), APPROVER).history()).extracting(NominationHistoryEntry::action)
			.containsExactly("PROPOSED", "APPROVED", "REVOKED");
		assertThat(awards.counts(plan)).containsExactly(
				new AwardCount("GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy", "COLLECTIVE", 1));
		ArgumentCaptor<Map<String, Object>> mail = ArgumentCaptor.captor();
		verify(notifications).enqueue(eq("award-revoked:" + revoked.code()), eq("award-revoked"),
				eq(List.of("unit-xa-cam-hai-dong", "plan-drafters")), mail.capture());
		assertThat(mail.getValue()).containsEntry("reason", "Khai man thành tích")
			.containsEntry("legalBasis", "Điều 96 Luật Thi đua, khen thưởng 2022")
			.containsEntry("recipientName", "Trần Văn Hùng")
			.containsEntry("recipientUnitName", "Xã Cam Hải Đông")
			.containsEntry("decisionNumber", "12/QĐ-BTGDV")
			.containsEntry("awardName", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy");
		assertThatThrownBy(() -> nominations.revoke(revoked.code(), "x", "y", APPROVER))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		verify(notifications, times(1)).enqueue(anyString(), anyString(), any(), any());
		// a revoked award of an achievement is not awarded again
		assertThatThrownBy(() -> nominations.nominate(individual("GIAY_KHEN_BAN", "Trần Văn Hùng"), DRAFTER))
			.isInstanceOfSatisfying(DvkException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("award.nomination.duplicate"));
	}

	@Test
	void theClerkRecordsAnOutsideDecisionOnlyWhileItIsAwaited() {
		Nomination n = nominations.nominate(collective("BANG_KHEN_UBND", recognised("H")), DRAFTER);
		AuthorityDecisionRequest decision = new AuthorityDecisionRequest("125/QĐ-UBND", LocalDate.now().minusDays(3),
				null, "AWARDED", "qd.pdf", "%PDF-1.7 scanned".getBytes());
		assertThatThrownBy(() -> nominations.recordAuthorityDecision(n.code(), decision, CLERK))
			.isInstanceOfSatisfying(DvkException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));

		nominations.changeStatus(n.code(), NominationStatus.AWAITING_AUTHORITY, "DOSSIER_PREPARED", null, null);
		assertThatThrownBy(() -> nominations.recordAuthorityDecision(n.code(), new AuthorityDecisionRequest(
				"125/QĐ-UBND", LocalDate.now().minusDays(3), null, "AWARDED", "qd.exe", "MZ...".getBytes()), CLERK))
			.isInstanceOfSatisfying(DvkException.class,
					ex -> assertThat(ex.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
		Nomination recorded = nominations.recordAuthorityDecision(n.code(), decision, CLERK);

		assertThat(recorded.decision().authority()).isEqualTo("Chủ tịch UBND tỉnh");
		assertThat(recorded.decision().fileType()).isEqualTo("application/pdf");
		assertThat(workflow.completed).containsExactly(n.code() + ":AWARDED:125/QĐ-UBND");
	}

	private NominationRequest collective(String type, String registrationCode) {
		return new NominationRequest(plan, type, "COLLECTIVE", registrationCode, null, "Thành tích xuất sắc.");
	}

	private NominationRequest individual(String type, String name) {
		return new NominationRequest(plan, type, "INDIVIDUAL", null,
				new NominationRequest.Person(name, "Chủ tịch Hội Phụ nữ xã", "xa-cam-hai-dong"), "Thành tích xuất sắc.");
	}

	private String registration(String suffix) {
		String code = "DK-" + plan + "-" + suffix;
		given(registrations.find(code)).willReturn(Optional.of(new Registration(code, plan, "xa-cam-hai-dong",
				RegistrationKind.MODEL, "KINH_TE", false, null,
				new RegistrationItems("Mô hình " + suffix, null, null, null, null, null, null, null, null, null),
				RegistrationStatus.ACCEPTED, "head", Instant.now(), Instant.now(), Instant.now())));
		return code;
	}

	private String recognised(String suffix) {
		String code = registration(suffix);
		given(register.ofRegistration(code)).willReturn(Optional.of(new RecognizedModel(1, "Mô hình " + suffix,
				"xa-cam-hai-dong", "KINH_TE", 2026, RecognitionOutcome.RECOGNIZED, code, "5/QĐ-BTGDV", "SYSTEM",
				Instant.now())));
		return code;
	}

	/** Records starts and completions instead of running the engine. */
	static class RecordingWorkflow implements NominationWorkflow {

		final List<String> started = new java.util.concurrent.CopyOnWriteArrayList<>();

		final List<String> completed = new java.util.concurrent.CopyOnWriteArrayList<>();

		@Override
		public void start(Nomination nomination, String actor) {
			started.add(nomination.code());
		}

		@Override
		public void completeAuthorityDecision(String code, String outcome, String number, LocalDate date,
				String authority, String actor) {
			completed.add(code + ":" + outcome + ":" + number);
		}

	}

	@TestConfiguration
	static class Doubles {

		@Bean
		PlanService planService() {
			return mock(PlanService.class);
		}

		@Bean
		RegistrationService registrationService() {
			return mock(RegistrationService.class);
		}

		@Bean
		RecognizedModelRegister recognizedModelRegister() {
			RecognizedModelRegister register = mock(RecognizedModelRegister.class);
			given(register.ofRegistration(anyString())).willReturn(Optional.empty());
			return register;
		}

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		NotificationService notificationService() {
			return mock(NotificationService.class);
		}

		@Bean
		RecordingWorkflow nominationWorkflow() {
			return new RecordingWorkflow();
		}

		@Bean
		Clock clock() {
			return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

}
