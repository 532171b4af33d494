package vn.dvk.system.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;

@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.system\\.web\\.PortalController", "vn\\.dvk\\.shared\\.web\\..*" }))
class PortalControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	OpenTasks openTasks;

	@Test
	@WithMockUser(username = "approver", authorities = "GROUP_plan-approvers")
	void openPlansShowTheirDeadlinesAsDayMonthYearBesideThePublicPages() throws Exception {
		Plan open = org.mockito.Mockito.mock(Plan.class);
		given(open.code()).willReturn("KH-2026-01");
		given(open.title()).willReturn("Kế hoạch thi đua “Dân vận khéo” năm 2026");
		given(open.status()).willReturn(PlanStatus.REGISTRATION_OPEN);
		given(open.registrationDeadline()).willReturn(Instant.parse("2026-03-31T10:00:00Z"));
		given(plans.list()).willReturn(List.of(open));
		given(openTasks.of(any())).willReturn(new OpenTasks.Counts(0, 0));

		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("31/03/2026 17:00")))
			.andExpect(content().string(containsString("href=\"/public/models\"")))
			.andExpect(content().string(containsString("href=\"/public/figures\"")))
			.andExpect(content().string(containsString("href=\"/season\"")))
			.andExpect(content().string(not(containsString("việc đang chờ"))));
	}

	@Test
	@WithMockUser(username = "reviewer-huyen-cam-lam", authorities = "GROUP_reviewers-huyen-cam-lam")
	void aReviewerIsLedToTheirTasksWithTheOverdueCount() throws Exception {
		given(plans.list()).willReturn(List.of());
		given(openTasks.of(any())).willReturn(new OpenTasks.Counts(3, 1));

		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bạn có 3 việc đang chờ xử lý")))
			.andExpect(content().string(containsString("1 việc quá hạn")))
			.andExpect(content().string(containsString("href=\"/camunda/app/tasklist/\"")))
			.andExpect(content().string(not(containsString("href=\"/unit\""))));
	}

	@Test
	@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
	void aUnitHeadIsLedToTheirUnitsPage() throws Exception {
		given(plans.list()).willReturn(List.of());
		given(openTasks.of(any())).willReturn(new OpenTasks.Counts(0, 0));

		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/unit\"")))
			.andExpect(content().string(containsString("Hiện không có việc nào chờ bạn xử lý.")))
			.andExpect(content().string(not(containsString("href=\"/season\""))));
	}

}
