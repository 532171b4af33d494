package vn.dvk.registration.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

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
import vn.dvk.registration.AttachmentContent;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.shared.DvkException;

@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.registration\\.web\\.(RegistrationPageController|UnitPortal)", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import(RegistrationPageControllerTests.Organization.class)
@WithMockUser(username = "reviewer-tinh", authorities = "GROUP_reviewers-tinh")
class RegistrationPageControllerTests {

	static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	PlanService plans;

	@Test
	void showsTheTenItemsTheHistoryAndTheAttachmentsInVietnamese() throws Exception {
		Registration r = new Registration("DK-2026-000001", "KH-2026-01", "xa-cam-hai-dong", RegistrationKind.MODEL,
				"KINH_TE", false, null,
				new RegistrationItems("Chợ cá văn minh", "Chợ tự phát", "Chợ sạch", "Vận động", "Thôn Bãi Giếng",
						"Hội Phụ nữ", "Ngân sách xã", "Cả năm", "Quy chế chợ", "Nhân rộng"),
				RegistrationStatus.RETURNED, "head-xa-cam-hai-dong", AT, AT, AT);
		given(registrations.get(eq("DK-2026-000001"), any())).willReturn(new RegistrationDetails(r,
				List.of(new HistoryEntry(RegistrationStatus.RETURNED, "RETURNED", "huyen-cam-lam",
						"reviewer-huyen-cam-lam", "Làm rõ nguồn lực", AT)),
				List.of(new AttachmentInfo(7, r.code(), "kế-hoạch.pdf", "application/pdf", 2048, "x",
						"head-xa-cam-hai-dong", AT))));
		given(plans.require("KH-2026-01")).willReturn(plan());

		mvc.perform(get("/registrations/DK-2026-000001"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chợ cá văn minh")))
			.andExpect(content().string(containsString("Khả năng duy trì, nhân rộng")))
			.andExpect(content().string(containsString("Bị trả lại")))
			.andExpect(content().string(containsString("Xã Cam Hải Đông")))
			.andExpect(content().string(containsString("Huyện Cam Lâm")))
			.andExpect(content().string(containsString("Làm rõ nguồn lực")))
			.andExpect(content().string(containsString("02/03/2026 08:30")))
			.andExpect(content().string(containsString("/registrations/DK-2026-000001/attachments/7")))
			.andExpect(content().string(containsString("kế-hoạch.pdf")));
	}

	@Test
	void aRegistrationTheCallerMayNotSeeIsTheVietnamese404PageWithoutItsData() throws Exception {
		given(registrations.get(eq("DK-2026-000002"), any()))
			.willThrow(DvkException.notFound("error.unit.notFound", "?"));
		mvc.perform(get("/registrations/DK-2026-000002"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Lỗi 404")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void attachmentsAreDownloadedNeverRenderedInline() throws Exception {
		given(registrations.attachment(eq("DK-2026-000001"), eq(7L), any())).willReturn(new AttachmentContent(
				new AttachmentInfo(7, "DK-2026-000001", "biên bản.pdf", "application/pdf", 4, "x", "u", AT),
				"%PDF".getBytes()));
		mvc.perform(get("/registrations/DK-2026-000001/attachments/7"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("application/pdf")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	private static Plan plan() {
		return new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null, PlanField.standard(), List.of(),
				ReviewMode.EVERY_LEVEL, AT, 3, 10, 20, PlanStatus.REGISTRATION_OPEN, "drafter", AT, AT);
	}

	@TestConfiguration
	static class Organization {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
