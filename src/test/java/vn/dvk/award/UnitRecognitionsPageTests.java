package vn.dvk.award;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import vn.dvk.award.process.NominationWorkflow;
import vn.dvk.notification.NotificationService;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.RecipientKind;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.UnitRecognition;
import vn.dvk.registration.RegistrationService;

/**
 * {@code /unit/recognitions} and the award documents behind it, over the real
 * AwardNominationService (its access rule runs for real): a unit head sees and downloads their own
 * unit's nominations' documents, another unit's are 404 with nothing of them shown.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.award\\.web\\.UnitRecognitionsPageController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ AwardNominationService.class, UnitRecognitionsPageTests.Doubles.class })
@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
class UnitRecognitionsPageTests {

	static final Instant AT = Instant.parse("2026-12-15T02:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NominationRepository repository;

	@MockitoBean
	RecognitionSessionService recognitions;

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

	@Test
	void aUnitHeadSeesTheirOutcomesWithTheDecisionAndTheirNominationsWithTheirDocuments() throws Exception {
		given(recognitions.ownUnitsRecognitions(any())).willReturn(List.of(new UnitRecognition("DK-2026-000001",
				"Chợ cá văn minh", "xa-cam-hai-dong", "KH-2026-01", "KINH_TE", RecognitionOutcome.RECOGNIZED_TYPICAL, 5,
				"3/QĐ-BTGDV", LocalDate.of(2026, 12, 1))));
		Nomination own = nomination("KT-2026-0001", "xa-cam-hai-dong", "Chợ cá văn minh");
		Nomination other = nomination("KT-2026-0002", "xa-cam-hai-tay", "Mô hình của xã khác");
		given(repository.search(any(), any())).willReturn(List.of(own, other));
		given(repository.find("KT-2026-0001")).willReturn(Optional.of(own));
		given(repository.documents("KT-2026-0001")).willReturn(List.of(new AwardDocumentInfo("KT-2026-0001",
				"chung-nhan", "Giấy chứng nhận", 1000, AT)));

		String html = mvc.perform(get("/unit/recognitions"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.text()).contains("Chợ cá văn minh", "Công nhận tiêu biểu", "Số 3/QĐ-BTGDV ngày 01/12/2026",
				"Giấy khen của Ban", "Đã khen thưởng");
		assertThat(page.select("a[href=/recognition-decisions/5/pdf]")).isNotEmpty();
		assertThat(page.select("a[href=/unit/awards/KT-2026-0001/documents/chung-nhan.pdf]").text())
			.isEqualTo("Giấy chứng nhận");
		assertThat(html).doesNotContain("Mô hình của xã khác", "KT-2026-0002");
	}

	@Test
	void aUnitHeadDownloadsTheirOwnCertificateAndNotAnotherUnits() throws Exception {
		given(repository.find("KT-2026-0001")).willReturn(Optional.of(nomination("KT-2026-0001", "xa-cam-hai-dong", "A")));
		given(repository.find("KT-2026-0002")).willReturn(Optional.of(nomination("KT-2026-0002", "xa-cam-hai-tay", "B")));
		given(repository.documentContent(anyString(), any())).willReturn(Optional.of("%PDF-1.7".getBytes()));

		mvc.perform(get("/unit/awards/KT-2026-0001/documents/chung-nhan.pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("KT-2026-0001-chung-nhan.pdf")));
		mvc.perform(get("/unit/awards/KT-2026-0002/documents/chung-nhan.pdf"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("%PDF"))));
		verify(repository, never()).documentContent("KT-2026-0002", "chung-nhan");
	}

	@Test
	@WithMockUser(username = "reviewer-tinh", authorities = "GROUP_reviewers-tinh")
	void someoneWhoHeadsNoUnitIsRefused() throws Exception {
		mvc.perform(get("/unit/recognitions")).andExpect(status().isForbidden());
	}

	private static Nomination nomination(String code, String unit, String name) {
		return new Nomination(code, "KH-2026-01", "GIAY_KHEN_BAN", "Giấy khen của Ban Tuyên giáo và Dân vận Tỉnh ủy",
				"Trưởng Ban", false, RecipientKind.COLLECTIVE, "DK-2026-000001", null, null, name, unit,
				"Thành tích.", NominationStatus.AWARDED, "drafter", AT,
				new AuthorityDecision("12/QĐ-BTGDV", LocalDate.of(2026, 12, 10), "Trưởng Ban", null, null, "approver", AT),
				null);
	}

	@TestConfiguration
	static class Doubles {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(AT, ZoneId.of("Asia/Ho_Chi_Minh"));
		}

	}

}
