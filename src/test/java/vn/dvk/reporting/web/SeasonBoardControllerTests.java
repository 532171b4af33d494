package vn.dvk.reporting.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
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
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationPage;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.UnitStatusCount;
import vn.dvk.registration.UnregisteredUnits;
import vn.dvk.review.OverdueReviews;
import vn.dvk.review.OverdueReviews.Overdue;
import vn.dvk.review.OverdueReviews.OverdueReview;
import vn.dvk.shared.DvkException;

/** The season board over mocked services and the real templates, messages, CSRF and error page. */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.reporting\\.web\\.SeasonBoardController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import(SeasonBoardControllerTests.Organization.class)
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class SeasonBoardControllerTests {

	static final Instant AT = Instant.parse("2026-03-31T10:00:00Z");

	static final Plan PLAN = new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null, PlanField.standard(),
			List.of("xa-cam-hai-dong", "xa-cam-hai-tay", "phuong-nha-trang"), ReviewMode.EVERY_LEVEL, AT, 3, 10, 20,
			PlanStatus.REGISTRATION_OPEN, "drafter", AT, AT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	OverdueReviews overdueReviews;

	@MockitoBean
	UnregisteredUnits unregistered;

	OrganizationService organization = TestOrganizations.khanhHoa();

	@BeforeEach
	void season() {
		given(plans.require("KH-2026-01")).willReturn(PLAN);
		given(registrations.countsByUnitAndStatus(eq("KH-2026-01"), any())).willReturn(List.of(
				new UnitStatusCount("xa-cam-hai-dong", RegistrationStatus.IN_REVIEW, 1200),
				new UnitStatusCount("xa-cam-hai-dong", RegistrationStatus.DRAFT, 5),
				new UnitStatusCount("phuong-nha-trang", RegistrationStatus.ACCEPTED, 3)));
		given(overdueReviews.of(eq("KH-2026-01"), anyInt(), any())).willReturn(new Overdue(List.of(
				new OverdueReview("DK-2026-000007", "Chợ cá văn minh", "Xã Cam Hải Đông", "Huyện Cam Lâm", AT, AT)), 61));
		given(registrations.resultReportsOverdue(eq("KH-2026-01"), anyInt(), any()))
			.willReturn(new RegistrationPage(List.of(registration("DK-2026-000009", "phuong-nha-trang")), 0, 50, 1, 1));
		given(unregistered.of(PLAN)).willReturn(List.of(organization.require("xa-cam-hai-tay")));
	}

	@Test
	void theBoardShowsCountsPerUnitAndStatusOverdueWorkAndWhoHasNotRegistered() throws Exception {
		mvc.perform(get("/season/plans/KH-2026-01/board"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Đang thẩm định"), containsString("Đã tiếp nhận"),
					not(containsString("Bản nháp")), containsString("Xã Cam Hải Đông"), containsString("Phường Nha Trang"),
					containsString("tổng 1.203"),
					containsString("/season/plans/KH-2026-01/board/registrations?unit=xa-cam-hai-dong&amp;status=IN_REVIEW"),
					containsString("Thẩm định quá hạn (61)"), containsString("href=\"/registrations/DK-2026-000007\""),
					containsString("31/03/2026 17:00"), containsString("Hiển thị 1 trường hợp quá hạn lâu nhất."),
					containsString("href=\"/registrations/DK-2026-000009\""),
					containsString("Đơn vị chưa đăng ký (1)"), containsString("Xã Cam Hải Tây"),
					containsString("Gửi thư nhắc 1 đơn vị chưa đăng ký"), containsString("name=\"_csrf\""))));
	}

	@Test
	void anApproverSeesTheBoardWithoutTheRemindButtonAndCannotRemind() throws Exception {
		var approver = user("approver").authorities(() -> "GROUP_plan-approvers");
		mvc.perform(get("/season/plans/KH-2026-01/board").with(approver))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Xã Cam Hải Tây"), not(containsString("Gửi thư nhắc")))));
		mvc.perform(post("/season/plans/KH-2026-01/board/remind").with(approver).with(csrf()))
			.andExpect(status().isForbidden());
		verify(unregistered, org.mockito.Mockito.never()).remindNow(any(), anyString(), any());
	}

	@Test
	void remindingQueuesTheEmailsAndConfirms() throws Exception {
		given(unregistered.remindNow(eq(PLAN), anyString(), any()))
			.willReturn(List.of(organization.require("xa-cam-hai-tay")));
		mvc.perform(post("/season/plans/KH-2026-01/board/remind").with(csrf()))
			.andExpect(redirectedUrl("/season/plans/KH-2026-01/board"))
			.andExpect(flash().attribute("notice",
					"Đã gửi thư nhắc tới 1 đơn vị chưa đăng ký (đơn vị đã được nhắc hôm nay không nhận thêm thư)."));
	}

	@Test
	void remindingWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/season/plans/KH-2026-01/board/remind")).andExpect(status().isForbidden());
		verifyNoInteractions(unregistered);
	}

	@Test
	void remindingAClosedPlanIsTheVietnamese409Page() throws Exception {
		given(unregistered.remindNow(eq(PLAN), anyString(), any()))
			.willThrow(DvkException.conflict("season.board.remind.notOpen", "KH-2026-01", "Đã hết hạn đăng ký"));
		mvc.perform(post("/season/plans/KH-2026-01/board/remind").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("chỉ nhắc đăng ký khi kế hoạch đang nhận đăng ký")));
	}

	@Test
	void aUnitHeadGetsThe403Page() throws Exception {
		mvc.perform(get("/season/plans/KH-2026-01/board")
			.with(user("head-xa-cam-hai-dong").authorities(() -> "GROUP_unit-heads", () -> "GROUP_unit-xa-cam-hai-dong")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Lỗi 403")));
		verifyNoInteractions(registrations, overdueReviews);
	}

	@Test
	void aCellOpensThePagedListOfItsRegistrations() throws Exception {
		given(registrations.search(any(), any()))
			.willReturn(new RegistrationPage(List.of(registration("DK-2026-000001", "xa-cam-hai-dong")), 0, 50, 120, 3));
		mvc.perform(get("/season/plans/KH-2026-01/board/registrations").param("unit", "xa-cam-hai-dong")
			.param("status", "IN_REVIEW"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Xã Cam Hải Đông"), containsString("Đang thẩm định"),
					containsString("href=\"/registrations/DK-2026-000001\""), containsString("Trang 1/3"),
					containsString("page=1"))));
	}

	private static Registration registration(String code, String unit) {
		return new Registration(code, "KH-2026-01", unit, RegistrationKind.MODEL, "KINH_TE", false, null,
				new RegistrationItems("Chợ cá văn minh", "a", "b", "c", "d", "e", "f", "g", "h", "i"),
				RegistrationStatus.IN_REVIEW, "head", AT, AT, AT);
	}

	@TestConfiguration
	static class Organization {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
