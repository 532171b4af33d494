package vn.dvk.award;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.dvk.award.process.NominationWorkflow;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.RecipientKind;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.registration.RegistrationService;

/**
 * The award API over the real AwardNominationService and the real problem+json advice: the
 * rules (who may act, the catalogue, dates, file types) run for real; only the repository, the
 * other modules and the engine are doubles.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.award\\.web\\.AwardNominationController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ AwardNominationService.class, AwardNominationControllerTests.Doubles.class })
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class AwardNominationControllerTests {

	static final String PLAN = "KH-2026-01";

	static final String BASE = "/api/awards/nominations";

	static final String CODE = "KT-2026-0007";

	/** 15 December 2026, 09:00 in Vietnam. */
	static final Instant NOW = Instant.parse("2026-12-15T02:00:00Z");

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0 };

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NominationRepository repository;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	RecognizedModelRegister register;

	@MockitoBean
	NominationWorkflow workflow;

	@MockitoBean
	NotificationService notifications;

	@BeforeEach
	void catalogue() {
		given(plans.rules(PLAN)).willReturn(PlanRules.defaults());
	}

	@Test
	void aDrafterNominatesAnIndividualAndTheProcessStarts() throws Exception {
		given(repository.highestSequenceOf(2026)).willReturn(6);
		given(repository.find(CODE)).willReturn(Optional.of(nomination(NominationStatus.PROPOSED)));

		mvc.perform(post(BASE).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(individual("KY_NIEM_CHUONG")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", BASE + "/" + CODE))
			.andExpect(jsonPath("$.code").value(CODE))
			.andExpect(jsonPath("$.person.fullName").value("Nguyễn Thị Lan"))
			.andExpect(jsonPath("$.statusName").value("Đã đề nghị"));
		verify(repository).insert(argThat(n -> n.code().equals(CODE) && n.recipientName().equals("Nguyễn Thị Lan")
				&& n.awardName().equals("Kỷ niệm chương “Vì sự nghiệp dân vận”")), eq("P:nguyễn thị lan|xa-cam-hai-dong"));
		verify(workflow).start(argThat(n -> n.code().equals(CODE)), eq("drafter"));
	}

	@Test
	@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
	void aUnitHeadMayNotNominate403() throws Exception {
		problem(mvc.perform(post(BASE).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(individual("GIAY_KHEN_BAN"))), 403)
			.andExpect(jsonPath("$.detail", containsString("Chỉ chuyên viên của Ban")));
		verifyNoInteractions(repository, workflow);
	}

	@Test
	void theMedalForACollectiveIs400OnTheRecipientKind() throws Exception {
		problem(mvc.perform(post(BASE).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
				{"planCode":"KH-2026-01","awardType":"KY_NIEM_CHUONG","recipientKind":"COLLECTIVE",
				 "registrationCode":"DK-2026-000123","achievement":"Thành tích xuất sắc."}""")), 400)
			.andExpect(jsonPath("$.errors[0].field").value("recipientKind"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("“Kỷ niệm chương “Vì sự nghiệp dân vận”” chỉ dành cho cá nhân."));
		verifyNoInteractions(repository, workflow);
	}

	@Test
	void aFullQuotaIs409() throws Exception {
		given(repository.countHoldingSlots(PLAN, "KY_NIEM_CHUONG")).willReturn(3);

		problem(mvc.perform(post(BASE).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(individual("KY_NIEM_CHUONG"))), 409)
			.andExpect(jsonPath("$.detail", containsString("đã đủ chỉ tiêu (3")));
		verify(repository, never()).insert(any(), anyString());
	}

	@Test
	void onlyAClerkRecordsAnAuthorityDecision403() throws Exception {
		problem(mvc.perform(decision("AWARDED", "125/QĐ-UBND", "2026-12-10",
				new MockMultipartFile("file", "qd.png", "image/png", PNG))), 403)
			.andExpect(jsonPath("$.detail", containsString("award-clerks")));
		verifyNoInteractions(repository, workflow);
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "GROUP_award-clerks")
	void aDecisionDatedAfterTodayIs400() throws Exception {
		problem(mvc.perform(decision("AWARDED", "125/QĐ-UBND", "2026-12-16", null)), 400)
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[0].message").value("Ngày quyết định không được sau ngày hôm nay."));
		verifyNoInteractions(repository, workflow);
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "GROUP_award-clerks")
	void aMissingOutcomeAndNumberAre400WithBothFields() throws Exception {
		problem(mvc.perform(decision("", null, "2026-12-10", null)), 400)
			.andExpect(jsonPath("$.errors[0].field").value("outcome"))
			.andExpect(jsonPath("$.errors[1].field").value("number"));
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "GROUP_award-clerks")
	void aScannedDecisionThatIsNotAPdfOrImageIs415EvenWhenNamedPdf() throws Exception {
		problem(mvc.perform(decision("AWARDED", "125/QĐ-UBND", "2026-12-10", new MockMultipartFile("file",
				"quyet-dinh.pdf", "application/pdf", "MZ not a pdf".getBytes(StandardCharsets.UTF_8)))), 415)
			.andExpect(jsonPath("$.detail", containsString("quyet-dinh.pdf")))
			.andExpect(jsonPath("$.detail", containsString("không phải PDF hoặc ảnh")));
		verifyNoInteractions(repository, workflow);
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "GROUP_award-clerks")
	void aClerkRecordsTheDecisionWithItsScanAndCompletesTheTask() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(nomination(NominationStatus.AWAITING_AUTHORITY)));
		given(repository.find(CODE)).willReturn(Optional.of(nomination(NominationStatus.AWARDED)));

		mvc.perform(decision("AWARDED", "125/QĐ-UBND", "2026-12-10",
				new MockMultipartFile("file", "qd.png", "image/png", PNG)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("AWARDED"));
		verify(repository).updateDecision(eq(CODE), eq("125/QĐ-UBND"), eq(LocalDate.of(2026, 12, 10)),
				eq("Chủ tịch UBND tỉnh"), eq("qd.png"), eq("image/png"), any(), eq("clerk"), eq(NOW));
		verify(workflow).completeAuthorityDecision(CODE, "AWARDED", "125/QĐ-UBND", LocalDate.of(2026, 12, 10),
				"Chủ tịch UBND tỉnh", "clerk");
	}

	@Test
	@WithMockUser(username = "awardapprover", authorities = "GROUP_award-approvers")
	void revokingWithoutAReasonIs400() throws Exception {
		problem(mvc.perform(post(BASE + "/" + CODE + "/revoke").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"legalBasis\":\"Điều 96 Luật Thi đua, khen thưởng 2022\"}")), 400)
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("reason"))
			.andExpect(jsonPath("$.errors[0].message").value("Trường này là bắt buộc."));
		verify(repository, never()).revoke(anyString(), any());
		verifyNoInteractions(notifications);
	}

	@Test
	@WithMockUser(username = "clerk", authorities = "GROUP_award-clerks")
	void revokingWithoutBeingAnAwardApproverIs403() throws Exception {
		problem(mvc.perform(post(BASE + "/" + CODE + "/revoke").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Khai man thành tích\",\"legalBasis\":\"Điều 96\"}")), 403)
			.andExpect(jsonPath("$.detail", containsString("award-approvers")));
		verifyNoInteractions(repository, notifications);
	}

	@Test
	@WithMockUser(username = "awardapprover", authorities = "GROUP_award-approvers")
	void anApproverRevokesAnAwardAndTheUnitAndDraftersAreTold() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(nomination(NominationStatus.AWARDED)));
		given(repository.find(CODE)).willReturn(Optional.of(nomination(NominationStatus.REVOKED)));

		mvc.perform(post(BASE + "/" + CODE + "/revoke").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"Khai man thành tích\",\"legalBasis\":\"Điều 96 Luật Thi đua, khen thưởng 2022\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statusName").value("Đã thu hồi"));
		verify(notifications).enqueue(eq("award-revoked:" + CODE), eq("award-revoked"),
				eq(java.util.List.of("unit-xa-cam-hai-dong", "plan-drafters")),
				argThat(model -> "Khai man thành tích".equals(model.get("reason"))
						&& "Điều 96 Luật Thi đua, khen thưởng 2022".equals(model.get("legalBasis"))));
	}

	private static org.springframework.test.web.servlet.RequestBuilder decision(String outcome, String number,
			String date, MockMultipartFile file) {
		var request = multipart(BASE + "/" + CODE + "/authority-decision");
		if (file != null) {
			request.file(file);
		}
		if (outcome != null) {
			request.param("outcome", outcome);
		}
		if (number != null) {
			request.param("number", number);
		}
		if (date != null) {
			request.param("date", date);
		}
		return request.with(csrf());
	}

	private static ResultActions problem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").isNotEmpty())
			.andExpect(jsonPath("$.trace").doesNotExist());
	}

	private static String individual(String type) {
		return """
				{"planCode":"%s","awardType":"%s","recipientKind":"INDIVIDUAL",
				 "person":{"fullName":"Nguyễn  Thị Lan","position":"Chủ tịch Hội Liên hiệp Phụ nữ xã",
				 "unitCode":"xa-cam-hai-dong"},"achievement":"Vận động tiểu thương xây dựng chợ cá an toàn."}"""
			.formatted(PLAN, type);
	}

	static Nomination nomination(NominationStatus status) {
		AuthorityDecision decision = status == NominationStatus.AWARDED || status == NominationStatus.REVOKED
				? new AuthorityDecision("125/QĐ-UBND", LocalDate.of(2026, 12, 10), "Chủ tịch UBND tỉnh", null, null,
						"clerk", NOW)
				: null;
		Revocation revocation = status == NominationStatus.REVOKED
				? new Revocation("Khai man thành tích", "Điều 96", "awardapprover", NOW) : null;
		return new Nomination(CODE, PLAN, "BANG_KHEN_UBND", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
				"Chủ tịch UBND tỉnh", true, RecipientKind.INDIVIDUAL, null, "Nguyễn Thị Lan",
				"Chủ tịch Hội Liên hiệp Phụ nữ xã", "Nguyễn Thị Lan", "xa-cam-hai-dong",
				"Vận động tiểu thương xây dựng chợ cá an toàn.", status, "drafter", NOW, decision, revocation);
	}

	@TestConfiguration
	static class Doubles {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

}
