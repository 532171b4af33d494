package vn.dvk.reporting.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import vn.dvk.award.AwardDocumentInfo;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.Nomination;
import vn.dvk.award.NominationStatus;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.RecipientKind;
import vn.dvk.plan.ReviewMode;
import vn.dvk.recognition.RecognitionDecision;
import vn.dvk.recognition.RecognitionSession;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.RecognitionSessionService.PlanSession;
import vn.dvk.reporting.SummaryExport;

/** The exports page and the summary XLSX twin for a portal session. */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.reporting\\.web\\.SeasonExportsController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import(SeasonExportsControllerTests.Organization.class)
@WithMockUser(username = "approver", authorities = "GROUP_plan-approvers")
class SeasonExportsControllerTests {

	static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");

	static final Plan PLAN = new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null, PlanField.standard(),
			List.of(), ReviewMode.EVERY_LEVEL, AT, 3, 10, 20, PlanStatus.EVALUATION, "drafter", AT, AT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	SummaryExport summary;

	@MockitoBean
	RecognitionSessionService sessions;

	@MockitoBean
	AwardNominationService nominations;

	@Test
	void thePageLinksTheSummaryTheDecisionsAndTheAwardDocumentsForTheSession() throws Exception {
		given(plans.require("KH-2026-01")).willReturn(PLAN);
		RecognitionSession decided = new RecognitionSession("KH-2026-01-PH1", "KH-2026-01", 1, "KINH_TE", "DECIDED",
				null, "approver", "drafter", AT, AT);
		RecognitionSession open = new RecognitionSession("KH-2026-01-PH2", "KH-2026-01", 2, null, "ASSESSING", null,
				null, "drafter", AT, null);
		given(sessions.sessionsOf("KH-2026-01")).willReturn(List.of(
				new PlanSession(decided, Optional.of(new RecognitionDecision(5, decided.key(), 2026, 3, "3/QĐ-BTGDV",
						LocalDate.of(2026, 12, 1), "approver", AT))),
				new PlanSession(open, Optional.empty())));
		given(nominations.list(eq("KH-2026-01"), isNull(), any())).willReturn(List.of(new Nomination("KT-2026-0001",
				"KH-2026-01", "BANG_KHEN_UBND", "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh", true,
				RecipientKind.INDIVIDUAL, null, "Nguyễn Thị Lan", "Chủ tịch Hội", "Nguyễn Thị Lan", "xa-cam-hai-dong",
				"Vận động", NominationStatus.AWAITING_AUTHORITY, "drafter", AT, null, null)));
		given(nominations.documentsOfPlan(eq("KH-2026-01"), any())).willReturn(List.of(
				new AwardDocumentInfo("KT-2026-0001", "to-trinh", "Tờ trình", 100, AT)));

		mvc.perform(get("/season/plans/KH-2026-01/exports"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("href=\"/season/plans/KH-2026-01/exports/summary.xlsx\""),
					containsString("href=\"/recognition-decisions/5/pdf\""),
					containsString("Quyết định số 3/QĐ-BTGDV ngày 01/12/2026 (PDF)"),
					containsString("Chưa ban hành quyết định"), containsString("href=\"/recognition-sessions/KH-2026-01-PH1\""),
					containsString("href=\"/awards/nominations/KT-2026-0001/documents/to-trinh.pdf\""),
					containsString("Tờ trình (PDF)"), containsString("Xã Cam Hải Đông"))));
	}

	@Test
	void theSummaryXlsxIsDownloadedWithTheSessionLogin() throws Exception {
		given(plans.require("KH-2026-01")).willReturn(PLAN);
		given(summary.xlsx("KH-2026-01")).willReturn(new byte[] { 'P', 'K', 3, 4 });
		mvc.perform(get("/season/plans/KH-2026-01/exports/summary.xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("spreadsheetml")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")));
	}

	@Test
	void aUnitHeadGetsThe403Page() throws Exception {
		var head = user("head-xa-cam-hai-dong").authorities(() -> "GROUP_unit-heads");
		mvc.perform(get("/season/plans/KH-2026-01/exports").with(head)).andExpect(status().isForbidden());
		mvc.perform(get("/season/plans/KH-2026-01/exports/summary.xlsx").with(head)).andExpect(status().isForbidden());
		verifyNoInteractions(summary, nominations, sessions);
	}

	@TestConfiguration
	static class Organization {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
