package vn.dvk.recognition;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import vn.dvk.document.DocumentService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.RegistrationService;
import vn.dvk.testsupport.Fixtures;

/**
 * The recognition API over the real session service and the real problem+json advice; only the
 * repository, the plan and registration modules, documents and the engine are doubles.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.recognition\\.web\\.RecognitionController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ RecognitionSessionService.class, RecognitionControllerTests.Doubles.class })
@WithMockUser(username = "council1", authorities = { "GROUP_recognition-council", "GROUP_unit-mttq-tinh" })
class RecognitionControllerTests {

	static final String SESSION = Fixtures.PLAN + "-PH1";

	static final String OWN = "DK-2026-000001";

	static final String OTHER = "DK-2026-000002";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RecognitionRepository repository;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	DocumentService documents;

	@MockitoBean
	RecognitionWorkflow workflow;

	@MockitoBean
	PlatformTransactionManager transactions;

	@BeforeEach
	void session() {
		given(plans.require(Fixtures.PLAN)).willReturn(Fixtures.plan());
		given(plans.rules(Fixtures.PLAN)).willReturn(new PlanRules(
				List.of(new Criterion("TC1", "Giải quyết được vấn đề bức xúc của nhân dân", true, null),
						new Criterion("TC2", "Được nhân dân đồng tình, hưởng ứng", true, null)),
				List.of("RECOGNIZED", "RECOGNIZED_TYPICAL", "NOT_RECOGNIZED"), 70, 90, List.of(), null));
		given(repository.session(SESSION)).willReturn(Optional.of(new RecognitionSession(SESSION, Fixtures.PLAN, 1, null, RecognitionSession.ASSESSING, null,
				null, "drafter", Instant.parse("2026-11-20T02:00:00Z"), null)));
		given(repository.items(SESSION)).willReturn(List.of(
				new SessionItem(SESSION, OWN, 1, "Mô hình “Mặt trận cùng dân giữ sạch bờ biển”", "mttq-tinh", "KINH_TE",
						"MODEL", null, null, null, null),
				new SessionItem(SESSION, OTHER, 2, "Mô hình “Chợ cá an toàn, văn minh”", "xa-cam-hai-dong", "KINH_TE",
						"MODEL", null, null, null, null)));
	}

	@Test
	@WithMockUser(username = "council2", authorities = { "GROUP_recognition-council", "GROUP_unit-hoi-phu-nu-tinh" })
	void onlyADrafterPreparesASession() throws Exception {
		problem(mvc.perform(post("/api/plans/" + Fixtures.PLAN + "/recognition-sessions").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")), 403,
				"Chỉ chuyên viên của Ban (nhóm plan-drafters) được lập phiên bình xét.");
		verify(workflow, never()).start(any(), anyString(), org.mockito.ArgumentMatchers.anyInt(),
				org.mockito.ArgumentMatchers.anyInt(), any());
	}

	@Test
	void onlyACouncilMemberAssesses() throws Exception {
		problem(mvc.perform(post("/api/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.with(head())
			.contentType(MediaType.APPLICATION_JSON)
			.content(assessment(OTHER, "{\"code\": \"TC1\", \"met\": true}, {\"code\": \"TC2\", \"met\": true}"))), 403,
				"Chỉ thành viên Hội đồng bình xét (nhóm recognition-council) được chấm điểm, đánh giá mô hình.");
		verify(repository, never()).upsertAssessment(any());
	}

	@Test
	void aMemberAssessingAModelOfTheirOwnUnitIsRefusedAndTheRecusalRecorded() throws Exception {
		problem(mvc.perform(post("/api/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(assessment(OWN, "{\"code\": \"TC1\", \"met\": true}, {\"code\": \"TC2\", \"met\": true}"))), 409,
				"Thành viên không đánh giá mô hình của chính đơn vị mình: đăng ký " + OWN
						+ " thuộc Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh. Việc không tham gia đánh giá đã được ghi nhận.");
		verify(repository).insertRecusal(org.mockito.ArgumentMatchers
			.argThat(r -> r.registrationCode().equals(OWN) && r.memberId().equals("council1")
					&& r.unitCode().equals("mttq-tinh")));
		verify(repository, never()).upsertAssessment(any());
	}

	@Test
	void aMissingCriterionIsA400WithTheFieldError() throws Exception {
		problem(mvc.perform(post("/api/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(assessment(OTHER, "{\"code\": \"TC1\", \"met\": true}"))), 400, null)
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("criteria"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Chưa đánh giá tiêu chí TC2: Được nhân dân đồng tình, hưởng ứng."));
		verify(repository, never()).upsertAssessment(any());
		verify(workflow, never()).completeAssessment(anyString(), any());
	}

	@Test
	void aCompleteAssessmentIsStoredAndTheLastOneCompletesTheMembersTask() throws Exception {
		// what the repository holds once the assessment is stored: the member's only model is assessed
		given(repository.assessments(SESSION)).willReturn(List.of(new Assessment(SESSION, OTHER, "council1",
				List.of(new CriterionMark("TC1", true), new CriterionMark("TC2", false)), null,
				Instant.parse("2026-11-25T02:00:00Z"))));

		mvc.perform(post("/api/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(assessment(OTHER, "{\"code\": \"TC1\", \"met\": true}, {\"code\": \"TC2\", \"met\": false}")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.registrationCode").value(OTHER))
			.andExpect(jsonPath("$.criteria.length()").value(2));
		verify(repository).upsertAssessment(any());
		verify(workflow).completeAssessment(eq(SESSION), argThat(u -> "council1".equals(u.id())));
	}

	@Test
	void theDecisionIsAPdf() throws Exception {
		byte[] pdf = "%PDF-1.7 quyết định".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		given(repository.decisionPdf(5)).willReturn(Optional.of(pdf));
		given(repository.decisionConcernsUnits(5, java.util.Set.of("xa-cam-hai-dong"))).willReturn(true);

		mvc.perform(get("/api/recognition-decisions/5/pdf").with(head()))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString("quyet-dinh-cong-nhan-5.pdf")))
			.andExpect(content().bytes(pdf));
	}

	@Test
	void aUnitHeadGetsOnlyTheDecisionsOfTheirOwnUnitsModelsAndStaffGetEvery() throws Exception {
		given(repository.decisionPdf(5)).willReturn(Optional.of("%PDF-1.7".getBytes()));
		given(repository.decisionConcernsUnits(5, java.util.Set.of("xa-cam-hai-tay"))).willReturn(false);

		problem(mvc.perform(get("/api/recognition-decisions/5/pdf").with(user("head-xa-cam-hai-tay").authorities(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_unit-heads"),
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_unit-xa-cam-hai-tay")))),
				404, "Không tìm thấy quyết định công nhận số hiệu 5.");
		mvc.perform(get("/api/recognition-decisions/5/pdf").with(user("drafter").authorities(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_plan-drafters"))))
			.andExpect(status().isOk());
	}

	@Test
	void anUnknownSessionOrDecisionIsA404() throws Exception {
		problem(mvc.perform(get("/api/recognition-sessions/" + Fixtures.PLAN + "-PH9")), 404,
				"Không tìm thấy phiên bình xét '" + Fixtures.PLAN + "-PH9'.");
		problem(mvc.perform(post("/api/recognition-sessions/" + Fixtures.PLAN + "-PH9/assessments").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(assessment(OTHER, "{\"code\": \"TC1\", \"met\": true}, {\"code\": \"TC2\", \"met\": true}"))), 404,
				"Không tìm thấy phiên bình xét '" + Fixtures.PLAN + "-PH9'.");
		problem(mvc.perform(get("/api/recognition-decisions/99/pdf")), 404,
				"Không tìm thấy quyết định công nhận số hiệu 99.");
	}

	// ---------------------------------------------------------------- helpers

	private static RequestPostProcessor head() {
		return user("head-xa-cam-hai-dong").authorities(
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_unit-heads"),
				new org.springframework.security.core.authority.SimpleGrantedAuthority("GROUP_unit-xa-cam-hai-dong"));
	}

	private static String assessment(String code, String criteria) {
		return "{\"registrationCode\": \"" + code + "\", \"criteria\": [" + criteria + "], \"comment\": \"Đạt yêu cầu.\"}";
	}

	private ResultActions problem(ResultActions result, int status, String detail) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString("vn.dvk."))));
		if (detail != null) {
			result.andExpect(jsonPath("$.detail").value(detail));
		}
		return result;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneOffset.UTC);
		}

	}

}
