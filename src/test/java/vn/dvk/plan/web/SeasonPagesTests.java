package vn.dvk.plan.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanDraft;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanHistoryEntry;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * The specialists' entry page {@code /season} and the plan editor over a mocked plan service and
 * the real templates, messages, CSRF and page error advice.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.plan\\.web\\.(SeasonController|PlanEditorController)", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import(SeasonPagesTests.Organization.class)
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class SeasonPagesTests {

	static final Instant DEADLINE = Instant.parse("2026-03-31T10:00:00Z"); // 31/03/2026 17:00 in Vietnam

	static final Plan DRAFT = plan("KH-2026-01", PlanStatus.DRAFT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService plans;

	@Test
	void theEntryPageListsEveryPlanWithItsVietnameseStatusAndLinks() throws Exception {
		given(plans.list()).willReturn(List.of(DRAFT, plan("KH-2025-01", PlanStatus.REGISTRATION_OPEN)));
		mvc.perform(get("/season"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Dự thảo"), containsString("Đang nhận đăng ký"),
					containsString("31/03/2026 17:00"), containsString("href=\"/season/plans/new\""),
					containsString("href=\"/season/plans/KH-2026-01/edit\""),
					not(containsString("href=\"/season/plans/KH-2025-01/edit\"")),
					containsString("href=\"/season/plans/KH-2025-01/board\""),
					containsString("href=\"/season/plans/KH-2025-01/exports\""))));
	}

	@Test
	void anApproverSeesThePlansButNoEditOrNewPlanButton() throws Exception {
		given(plans.list()).willReturn(List.of(DRAFT));
		mvc.perform(get("/season").with(user("approver").authorities(() -> "GROUP_plan-approvers")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("KH-2026-01"),
					not(containsString("/season/plans/new")), not(containsString("/edit\"")))));
		mvc.perform(get("/season/plans/new").with(user("approver").authorities(() -> "GROUP_plan-approvers")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aUnitHeadGetsTheVietnamese403PageEverywhere() throws Exception {
		var head = user("head-xa-cam-hai-dong").authorities(() -> "GROUP_unit-heads", () -> "GROUP_unit-xa-cam-hai-dong");
		mvc.perform(get("/season").with(head))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("Lỗi 403"), containsString("chuyên viên"))));
		mvc.perform(get("/season/plans/KH-2026-01/edit").with(head)).andExpect(status().isForbidden());
		mvc.perform(post("/season/plans/new").with(head).with(csrf()).param("title", "x"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(plans);
	}

	@Test
	void theNewPlanFormHasTheStandardFieldsTheUsualChecklistAndCatalogue() throws Exception {
		mvc.perform(get("/season/plans/new"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"_csrf\""), containsString("Soạn kế hoạch mới"),
					containsString("value=\"KINH_TE\""), containsString("name=\"criteria[4].code\""),
					containsString("value=\"BANG_KHEN_UBND\""), containsString("type=\"date\""),
					containsString("Xã Cam Hải Đông"), containsString("Lưu và trình phê duyệt"))));
	}

	@Test
	void theServicesFieldErrorsAreShownNextToTheirInputsWithTheTypedValuesKept() throws Exception {
		given(plans.saveWithRules(isNull(), any(), any(), eq("drafter"))).willThrow(DvkException.invalid(List.of(
				new FieldProblem("title", "plan.title.required"),
				new FieldProblem("criteria[1].weight", "plan.rules.criteria.weight.allOrNone"),
				new FieldProblem("season.resultReportDeadline", "plan.rules.season.order.resultReportDeadline"))));
		mvc.perform(post("/season/plans/new").with(csrf())
			.param("year", "2026")
			.param("title", "")
			.param("criteria[0].code", "TC1").param("criteria[0].text", "Có kế hoạch cụ thể").param("criteria[0].weight", "60")
			.param("criteria[1].code", "TC2").param("criteria[1].text", "Đạt mục tiêu “xanh”")
			.param("registrationDeadline.date", "2026-03-31").param("registrationDeadline.time", "17:00")
			.param("season.evaluationOpensAt.date", "2026-10-01")
			.param("season.resultReportDeadline.date", "2026-09-01")
			.param("action", "save"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Vui lòng nhập tên kế hoạch."),
					containsString("Khi chấm điểm theo trọng số, tiêu chí nào cũng phải có trọng số."),
					containsString("Hạn nộp báo cáo kết quả phải sau ngày bắt đầu đánh giá."),
					containsString("is-invalid"), containsString("value=\"Đạt mục tiêu “xanh”\""),
					containsString("value=\"60\""), containsString("value=\"2026-10-01\""),
					containsString("value=\"17:00\""))));
	}

	@Test
	void theFormIsSavedAsOneDraftAndItsRulesAndThenShownAgain() throws Exception {
		given(plans.saveWithRules(isNull(), any(), any(), eq("drafter"))).willReturn(DRAFT);
		mvc.perform(post("/season/plans/new").with(csrf())
			.param("year", "2026").param("title", "Kế hoạch 2026")
			.param("fields[0].code", "KINH_TE").param("fields[0].name", "Kinh tế")
			.param("fields[1].code", "").param("fields[1].name", "")
			.param("criteria[0].code", "TC1").param("criteria[0].text", "Có kế hoạch").param("criteria[0].required", "true")
			.param("_criteria[0].required", "on")
			.param("criteria[1].code", "TC2").param("criteria[1].text", "Đạt mục tiêu").param("_criteria[1].required", "on")
			.param("awards[0].code", "GIAY_KHEN_BAN").param("awards[0].name", "Giấy khen")
			.param("awards[0].authority", "Trưởng Ban").param("awards[0].recipients", "BOTH").param("awards[0].quota", "20")
			.param("registrationDeadline.date", "2026-03-31").param("registrationDeadline.time", "17:00")
			.param("season.summaryDate", "2026-12-20"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/season/plans/KH-2026-01/edit"))
			.andExpect(flash().attribute("notice", "Đã lưu kế hoạch KH-2026-01."));
		ArgumentCaptor<PlanDraft> draft = ArgumentCaptor.forClass(PlanDraft.class);
		ArgumentCaptor<PlanRules> rules = ArgumentCaptor.forClass(PlanRules.class);
		verify(plans).saveWithRules(isNull(), draft.capture(), rules.capture(), eq("drafter"));
		org.assertj.core.api.Assertions.assertThat(draft.getValue().fields()).containsExactly(new PlanField("KINH_TE", "Kinh tế"));
		org.assertj.core.api.Assertions.assertThat(draft.getValue().registrationDeadline()).isEqualTo(DEADLINE);
		org.assertj.core.api.Assertions.assertThat(rules.getValue().criteria())
			.extracting(c -> c.code() + ":" + c.required())
			.containsExactly("TC1:true", "TC2:false");
		org.assertj.core.api.Assertions.assertThat(rules.getValue().awards().get(0).quota()).isEqualTo(20);
		org.assertj.core.api.Assertions.assertThat(rules.getValue().season().summaryDate())
			.isEqualTo(LocalDate.of(2026, 12, 20));
		verify(plans, never()).submit(any(), any());
	}

	@Test
	void rowsAreAddedAndRemovedWithoutJavaScriptAndNothingIsSaved() throws Exception {
		mvc.perform(post("/season/plans/new").with(csrf())
			.param("year", "2026").param("title", "Kế hoạch đang soạn")
			.param("criteria[0].code", "TC1").param("criteria[0].text", "Một")
			.param("criteria[1].code", "TC2").param("criteria[1].text", "Hai")
			.param("action", "removeCriterion:0"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"Kế hoạch đang soạn\""),
					containsString("value=\"Hai\""), not(containsString("value=\"Một\"")),
					not(containsString("name=\"criteria[1].code\"")))));
		mvc.perform(post("/season/plans/new").with(csrf())
			.param("criteria[0].code", "TC1").param("criteria[0].text", "Một")
			.param("action", "addCriterion"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"criteria[1].code\"")));
		verifyNoInteractions(plans);
	}

	@Test
	void submitForApprovalSavesThenStartsTheApproval() throws Exception {
		given(plans.saveWithRules(eq("KH-2026-01"), any(), any(), eq("drafter"))).willReturn(DRAFT);
		given(plans.require("KH-2026-01")).willReturn(DRAFT);
		mvc.perform(post("/season/plans/KH-2026-01/edit").with(csrf())
			.param("year", "2026").param("title", "Kế hoạch 2026")
			.param("registrationDeadline.date", "2026-03-31")
			.param("action", "submit"))
			.andExpect(redirectedUrl("/season"))
			.andExpect(flash().attribute("notice", "Đã trình lãnh đạo phê duyệt kế hoạch KH-2026-01."));
		verify(plans).submit("KH-2026-01", "drafter");
	}

	@Test
	void aPlanInApprovalCannotBeEdited() throws Exception {
		given(plans.require("KH-2026-02")).willReturn(plan("KH-2026-02", PlanStatus.IN_APPROVAL));
		mvc.perform(get("/season/plans/KH-2026-02/edit"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Chờ phê duyệt")));
	}

	@Test
	void aReturnedPlanShowsTheApproversComment() throws Exception {
		Plan returned = plan("KH-2026-03", PlanStatus.RETURNED);
		given(plans.require("KH-2026-03")).willReturn(returned);
		given(plans.rules("KH-2026-03")).willReturn(PlanRules.defaults());
		given(plans.history("KH-2026-03")).willReturn(List.of(
				new PlanHistoryEntry(PlanStatus.RETURNED, "approver", "Bổ sung căn cứ pháp lý", DEADLINE)));
		mvc.perform(get("/season/plans/KH-2026-03/edit"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Bổ sung căn cứ pháp lý"),
					containsString("value=\"2026-03-31\""), containsString("value=\"17:00\""))));
	}

	@Test
	void postingWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/season/plans/new").param("title", "x")).andExpect(status().isForbidden());
		verifyNoInteractions(plans);
	}

	private static Plan plan(String code, PlanStatus status) {
		return new Plan(code, "Kế hoạch thi đua năm 2026", 2026, null, null, null, PlanField.standard(), List.of(),
				ReviewMode.EVERY_LEVEL, DEADLINE, 3, 10, 20, status, "drafter", DEADLINE, null);
	}

	@TestConfiguration
	static class Organization {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
