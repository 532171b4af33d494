package vn.dvk.plan;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.dvk.plan.process.PlanWorkflow;

/**
 * GET and PUT /api/plans/{code}/rules over the real PlanService, PlanRulesValidator and
 * problem+json advice; only the repositories and the engine are doubles.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.plan\\.web\\.PlanRulesController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ PlanService.class, PlanRulesValidator.class })
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class PlanRulesControllerTests {

	static final String CODE = "KH-2026-01";

	static final String URL = "/api/plans/" + CODE + "/rules";

	static final Instant REGISTRATION_DEADLINE = Instant.parse("2026-03-31T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanRepository repository;

	@MockitoBean
	PlanRulesRepository rulesRepository;

	@MockitoBean
	PlanValidator validator;

	@MockitoBean
	PlanWorkflow workflow;

	@Test
	@WithMockUser(username = "head-xa-cam-lam", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-lam" })
	void anySignedInUserReadsTheDefaultsWithVietnameseAwardNames() throws Exception {
		given(repository.find(CODE)).willReturn(Optional.of(plan(PlanStatus.REGISTRATION_OPEN)));
		given(rulesRepository.find(CODE)).willReturn(Optional.empty());

		mvc.perform(get(URL))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.planCode").value(CODE))
			.andExpect(jsonPath("$.defaults").value(true))
			.andExpect(jsonPath("$.scored").value(false))
			.andExpect(jsonPath("$.criteria.length()").value(5))
			.andExpect(jsonPath("$.criteria[0].text").value("Có kế hoạch triển khai cụ thể, phân công rõ ràng"))
			.andExpect(jsonPath("$.criteria[0].required").value(true))
			.andExpect(jsonPath("$.recognitionOutcomes.length()").value(3))
			.andExpect(jsonPath("$.recognizeMinScore").value(50))
			.andExpect(jsonPath("$.typicalMinScore").value(85))
			.andExpect(jsonPath("$.awards[0].code").value("GIAY_KHEN_BAN"))
			.andExpect(jsonPath("$.awards[0].name").value("Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy"))
			.andExpect(jsonPath("$.awards[0].external").value(false))
			.andExpect(jsonPath("$.awards[0].recipientsName").value("Tập thể và cá nhân"))
			.andExpect(jsonPath("$.awards[1].name").value("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"))
			.andExpect(jsonPath("$.awards[1].authority").value("Chủ tịch UBND tỉnh"))
			.andExpect(jsonPath("$.awards[2].name").value("Kỷ niệm chương “Vì sự nghiệp dân vận”"))
			.andExpect(jsonPath("$.awards[2].recipients").value("INDIVIDUAL"))
			.andExpect(jsonPath("$.awards[2].recipientsName").value("Cá nhân"))
			.andExpect(jsonPath("$.season.evaluationOpensAt").isEmpty())
			.andExpect(jsonPath("$.season.resultReportDeadline").isEmpty());
	}

	@Test
	void anUnknownPlanIs404() throws Exception {
		problem(mvc.perform(get("/api/plans/KH-2026-99/rules")), 404, "Không tìm thấy kế hoạch có mã 'KH-2026-99'.");
	}

	@Test
	void aDrafterSetsTheRulesAndTheProcessIsToldOfTheSeason() throws Exception {
		Plan plan = plan(PlanStatus.REGISTRATION_CLOSED);
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(plan));

		mvc.perform(put(URL).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body("""
				"criteria": [{"code": "TC1", "text": "Đạt mục tiêu", "required": true, "weight": 60},
				             {"code": "TC2", "text": "Được nhân dân hưởng ứng", "required": false, "weight": 40}]""",
				"2026-04-15T01:00:00Z", "2026-05-15T10:00:00Z", "2026-06-01T01:00:00Z")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.defaults").value(false))
			.andExpect(jsonPath("$.scored").value(true))
			.andExpect(jsonPath("$.criteria[1].weight").value(40))
			.andExpect(jsonPath("$.awards.length()").value(3))
			.andExpect(jsonPath("$.season.councilSessionAt").value("2026-06-01T01:00:00Z"));
		ArgumentCaptor<PlanRules> saved = ArgumentCaptor.forClass(PlanRules.class);
		verify(rulesRepository).save(eq(CODE), saved.capture(), eq("drafter"), any());
		verify(workflow).seasonChanged(plan, saved.getValue().season());
	}

	@Test
	@WithMockUser(username = "head-xa-cam-lam", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-lam" })
	void aNonDrafterCannotSetTheRules() throws Exception {
		problem(mvc.perform(put(URL).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}")), 403,
				"Chỉ chuyên viên soạn thảo kế hoạch mới được tạo, sửa hoặc trình phê duyệt kế hoạch.");
		verify(rulesRepository, never()).save(any(), any(), any(), any());
	}

	@Test
	void invalidWeightsAndDatesAre400WithEveryFieldError() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(plan(PlanStatus.REGISTRATION_OPEN)));

		problem(mvc.perform(put(URL).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body("""
				"criteria": [{"code": "TC1", "text": "Đạt mục tiêu", "required": true, "weight": 0},
				             {"code": "TC2", "text": "Được nhân dân hưởng ứng", "required": false}]""",
				"2026-03-01T01:00:00Z", "2026-05-15T10:00:00Z", "2026-05-01T01:00:00Z"))), 400,
				"Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được nêu.")
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[?(@.field == 'criteria[0].weight')].message")
				.value("Trọng số phải từ 1 đến 100."))
			.andExpect(jsonPath("$.errors[?(@.field == 'criteria[1].weight')].message")
				.value("Khi chấm điểm theo trọng số, tiêu chí nào cũng phải có trọng số."))
			.andExpect(jsonPath("$.errors[?(@.field == 'season.evaluationOpensAt')].message")
				.value("Ngày bắt đầu đánh giá phải sau hạn đăng ký của kế hoạch."))
			.andExpect(jsonPath("$.errors[?(@.field == 'season.councilSessionAt')].message")
				.value("Phiên họp bình xét phải sau hạn nộp báo cáo kết quả (và ngày bắt đầu đánh giá)."));
		verify(rulesRepository, never()).save(any(), any(), any(), any());
		verify(workflow, never()).seasonChanged(any(), any());
	}

	@Test
	void onceTheEvaluationHasOpenedTheRulesAreFrozen() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(plan(PlanStatus.EVALUATION)));

		problem(mvc.perform(put(URL).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}")), 409,
				"Kế hoạch KH-2026-01 đang ở trạng thái \"Đang đánh giá\": không còn sửa được tiêu chí, khen thưởng và lịch đánh giá.");
		verify(rulesRepository, never()).save(any(), any(), any(), any());
	}

	// ---------------------------------------------------------------- helpers

	private ResultActions problem(ResultActions result, int status, String detail) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.detail").value(detail))
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(content().string(not(containsString("vn.dvk."))));
	}

	private static String body(String criteria, String evaluationOpensAt, String resultReportDeadline,
			String councilSessionAt) {
		return "{" + criteria + ", \"season\": {\"evaluationOpensAt\": \"" + evaluationOpensAt
				+ "\", \"resultReportDeadline\": \"" + resultReportDeadline + "\", \"councilSessionAt\": \""
				+ councilSessionAt + "\", \"summaryDate\": \"2026-12-20\"}}";
	}

	private static Plan plan(PlanStatus status) {
		return new Plan(CODE, "Kế hoạch thi đua Dân vận khéo năm 2026", 2026, "35-CT/TU", LocalDate.of(2022, 11, 2),
				"", PlanField.standard(), List.of("xa-cam-lam"), ReviewMode.EVERY_LEVEL, REGISTRATION_DEADLINE, 3, 10,
				20, status, "drafter", Instant.parse("2026-01-15T03:00:00Z"), Instant.parse("2026-01-20T03:00:00Z"));
	}

}
