package vn.dvk.recognition.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.recognition.RecognitionOutcome;
import vn.dvk.recognition.RecognizedModel;
import vn.dvk.recognition.RecognizedModelRegister;
import vn.dvk.recognition.RegisterCount;
import vn.dvk.recognition.RegisterPage;
import vn.dvk.recognition.RegisterQuery;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.testsupport.PortalSecurityTestConfiguration;

/**
 * The public register's pages behind the real portal security chain, nobody signed in.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.recognition\\.web\\.PublicModel.*", "vn\\.dvk\\.shared\\.web\\..*",
				PortalSecurityTestConfiguration.SECURITY_CLASSES }))
@Import({ PortalSecurityTestConfiguration.class, PublicModelsControllerTests.Organization.class })
class PublicModelsControllerTests {

	static final Instant AT = Instant.parse("2026-12-10T02:00:00Z");

	static final RecognizedModel CHO_CA = new RecognizedModel(41, "Chợ cá an toàn, văn minh", "xa-cam-hai-dong",
			"KINH_TE", 2026, RecognitionOutcome.RECOGNIZED_TYPICAL, "DK-2026-000001", "12/QĐ-BTGDV", "SYSTEM", AT);

	static final RecognizedModel TO_TU_QUAN = new RecognizedModel(7, "Tổ tự quản an ninh trật tự", "phuong-nha-trang",
			"QUOC_PHONG_AN_NINH", 2023, RecognitionOutcome.RECOGNIZED, null, null, "IMPORT", AT);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RecognizedModelRegister register;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	IdentityService identityService;

	@BeforeEach
	void register() {
		given(register.countsByField()).willReturn(List.of(new RegisterCount("KINH_TE", 1, 1),
				new RegisterCount("QUOC_PHONG_AN_NINH", 1, 0), new RegisterCount("NONG_THON_MOI", 3, 0)));
		given(register.countsByUnit()).willReturn(
				List.of(new RegisterCount("xa-cam-hai-dong", 1, 1), new RegisterCount("phuong-nha-trang", 1, 0)));
		given(register.countsByYear())
			.willReturn(List.of(new RegisterCount("2023", 1, 0), new RegisterCount("2026", 1, 1)));
		given(plans.list()).willReturn(List.of(plan()));
		given(plans.find("KH-2026-01")).willReturn(Optional.of(plan()));
	}

	@Test
	void theRegisterIsReachableWithoutSignInWithItsFiltersAndResults() throws Exception {
		given(register.search(any())).willReturn(new RegisterPage(List.of(CHO_CA, TO_TU_QUAN), 0, 20, 2));

		String html = mvc.perform(get("/public/models"))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).isEqualTo("Mô hình “Dân vận khéo” được công nhận");
		assertThat(page.select("form[role=search]").attr("method")).isEqualTo("get");
		assertThat(page.select("form[role=search]").attr("hx-get")).isEqualTo("/public/models");
		assertThat(page.select("input[name=_csrf]")).isEmpty();
		// every input has its label
		for (var input : page.select("form[role=search] input, form[role=search] select")) {
			assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
		}
		assertThat(page.select("select#field option")).extracting(o -> o.text())
			.containsExactly("Tất cả", "Kinh tế", "Quốc phòng – an ninh", "Nông thôn mới");
		assertThat(page.select("select#unit option")).extracting(o -> o.text())
			.containsExactly("Tất cả", "Phường Nha Trang", "Xã Cam Hải Đông");
		assertThat(page.select("select#year option")).extracting(o -> o.text()).containsExactly("Tất cả", "2026", "2023");
		assertThat(page.select("select#outcome option")).extracting(o -> o.text())
			.containsExactly("Tất cả", "Công nhận", "Công nhận tiêu biểu");
		assertThat(page.select("#results table caption").text()).isEqualTo("Danh sách mô hình được công nhận");
		assertThat(page.select("#results tbody tr")).hasSize(2);
		assertThat(page.select("#results tbody tr").first().select("td").eachText()).containsExactly(
				"Chợ cá an toàn, văn minh Xã Cam Hải Đông · Kinh tế", "Xã Cam Hải Đông", "Kinh tế", "2026",
				"Công nhận tiêu biểu");
		assertThat(page.select("#results tbody a").first().attr("href")).isEqualTo("/public/models/41");
		assertThat(page.select(".table-responsive")).hasSize(1);
		assertThat(page.select("script[src]")).extracting(s -> s.attr("src")).anySatisfy(src -> assertThat(src).startsWith("/webjars/htmx.org/").endsWith("/dist/htmx.min.js"));
		assertThat(page.select("script:not([src])")).isEmpty();
		assertThat(html).doesNotContain("hx-on").doesNotContain("onclick");
	}

	@Test
	void theFiltersGoToTheDatabaseQueryAndThePagesKeepThem() throws Exception {
		given(register.search(any())).willReturn(new RegisterPage(List.of(CHO_CA), 3, 20, 1234));

		String html = mvc
			.perform(get("/public/models").param("q", "cho ca")
				.param("field", "KINH_TE")
				.param("unit", "xa-cam-hai-dong")
				.param("year", "2026")
				.param("outcome", "RECOGNIZED_TYPICAL")
				.param("sort", "NAME")
				.param("page", "4"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		ArgumentCaptor<RegisterQuery> query = ArgumentCaptor.forClass(RegisterQuery.class);
		verify(register).search(query.capture());
		assertThat(query.getValue()).isEqualTo(new RegisterQuery("cho ca", "KINH_TE", "xa-cam-hai-dong", 2026,
				RecognitionOutcome.RECOGNIZED_TYPICAL, RegisterQuery.Sort.NAME, 3, 20));
		Document page = Jsoup.parse(html);
		assertThat(page.select("#q").val()).isEqualTo("cho ca");
		assertThat(page.select("#field option[selected]").val()).isEqualTo("KINH_TE");
		assertThat(page.select("#year option[selected]").val()).isEqualTo("2026");
		assertThat(page.select("#sort option[selected]").val()).isEqualTo("NAME");
		assertThat(page.select("#results-status").text()).isEqualTo("Mô hình 61–61 trong tổng số 1.234 mô hình tìm thấy.");
		assertThat(page.select("#results-status").attr("role")).isEqualTo("status");
		assertThat(page.select("#results-status").hasAttr("hx-swap-oob")).isFalse();
		assertThat(page.select(".pagination a")).extracting(a -> a.text())
			.containsExactly("Trang trước", "1", "2", "3", "4", "5", "6", "62", "Trang sau");
		assertThat(page.select(".pagination .active a").text()).isEqualTo("4");
		assertThat(page.select(".pagination .active a").attr("aria-current")).isEqualTo("page");
		assertThat(page.select(".pagination a").last().attr("href")).isEqualTo(
				"/public/models?q=cho%20ca&field=KINH_TE&unit=xa-cam-hai-dong&year=2026&outcome=RECOGNIZED_TYPICAL&sort=NAME&page=5");
	}

	@Test
	void anythingNotUnderstoodInTheAddressIsNoFilterRatherThanAnError() throws Exception {
		given(register.search(any())).willReturn(new RegisterPage(List.of(), 0, 20, 0));

		mvc.perform(get("/public/models").param("year", "năm ngoái")
			.param("outcome", "NOT_RECOGNIZED")
			.param("page", "-3")
			.param("sort", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Chưa có mô hình nào được công nhận")));

		verify(register).search(new RegisterQuery(null, null, null, null, null, RegisterQuery.Sort.NEWEST, 0, 20));
	}

	@Test
	void htmxGetsTheResultsAloneAndAPagePastTheEndShowsTheLastPage() throws Exception {
		given(register.search(any())).willReturn(new RegisterPage(List.of(), 9, 20, 21),
				new RegisterPage(List.of(TO_TU_QUAN), 1, 20, 21));

		String html = mvc.perform(get("/public/models").param("page", "10").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).doesNotContain("<html").doesNotContain("<form").contains("id=\"results\"");
		// the summary goes into the live region that stays in the page
		assertThat(Jsoup.parse(html).select("#results-status").attr("hx-swap-oob")).isEqualTo("innerHTML");
		assertThat(Jsoup.parse(html).select("#results-status").text()).isEqualTo("Mô hình 21–21 trong tổng số 21 mô hình tìm thấy.");
		assertThat(Jsoup.parse(html).select("#results tbody tr").text()).contains("Tổ tự quản an ninh trật tự");
		assertThat(Jsoup.parse(html).select(".pagination .active a").text()).isEqualTo("2");
	}

	@Test
	void aModelRecognisedInTheSystemShowsItsItemsButNothingThatIsNotPublic() throws Exception {
		given(register.find(41)).willReturn(Optional.of(CHO_CA));
		given(register.ofRegistration("DK-2026-000001")).willReturn(Optional.of(CHO_CA));
		given(registrations.find("DK-2026-000001"))
			.willReturn(Optional.of(registration(RegistrationStatus.RECOGNIZED_TYPICAL)));

		for (String key : List.of("41", "DK-2026-000001")) {
			String html = mvc.perform(get("/public/models/" + key))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Document page = Jsoup.parse(html);
			assertThat(page.select("h1").text()).isEqualTo("Chợ cá an toàn, văn minh");
			assertThat(page.select("dl").text()).contains("Xã Cam Hải Đông", "Kinh tế", "2026", "Công nhận tiêu biểu",
					"Số: 12/QĐ-BTGDV", "KH-2026-01 — Kế hoạch 2026", "10/12/2026", "Mô hình (tập thể)",
					"Thực trạng, lý do", "Chợ tự phát", "Khả năng duy trì, nhân rộng", "Nhân rộng ra các xã");
			assertThat(html).doesNotContain("head-xa-cam-hai-dong").doesNotContain("attachments");
		}
	}

	@Test
	void theItemsOfARegistrationThatIsNotRecognisedAreNeverShown() throws Exception {
		// a register entry whose registration is (no longer) recognised: the entry, not the content
		given(register.find(41)).willReturn(Optional.of(CHO_CA));
		given(registrations.find("DK-2026-000001"))
			.willReturn(Optional.of(registration(RegistrationStatus.NOT_RECOGNIZED)));

		mvc.perform(get("/public/models/41"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Chợ tự phát"))))
			.andExpect(content().string(containsString("không có nội dung đăng ký")));
	}

	@Test
	void anImportedModelSaysItWasRecognisedBeforeTheSystem() throws Exception {
		given(register.find(7)).willReturn(Optional.of(TO_TU_QUAN));

		mvc.perform(get("/public/models/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Được công nhận trước khi có hệ thống")))
			.andExpect(content().string(containsString("Phường Nha Trang")));
	}

	@Test
	void anUnknownModelOrARegistrationNotInTheRegisterIsTheVietnamese404Page() throws Exception {
		given(register.find(999)).willReturn(Optional.empty());
		given(register.ofRegistration("DK-2026-000009")).willReturn(Optional.empty());

		for (String key : List.of("999", "DK-2026-000009", "99999999999999999999999", "<script>")) {
			mvc.perform(get("/public/models/{key}", key))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Lỗi 404")))
				.andExpect(content().string(containsString("Không tìm thấy mô hình được công nhận")))
				.andExpect(content().string(not(containsString("Exception"))))
				.andExpect(content().string(not(containsString("<script>"))));
		}
	}

	private static Registration registration(RegistrationStatus status) {
		return new Registration("DK-2026-000001", "KH-2026-01", "xa-cam-hai-dong", RegistrationKind.MODEL, "KINH_TE",
				false, null,
				new RegistrationItems("Chợ cá an toàn, văn minh", "Chợ tự phát", "Chợ sạch", "Vận động",
						"Thôn Bãi Giếng", "Hội Phụ nữ", "Ngân sách xã", "Cả năm", "Quy chế chợ",
						"Nhân rộng ra các xã"),
				status, "head-xa-cam-hai-dong", AT, AT, AT);
	}

	private static Plan plan() {
		return new Plan("KH-2026-01", "Kế hoạch 2026", 2026, null, null, null, PlanField.standard(), List.of(),
				ReviewMode.EVERY_LEVEL, AT, 3, 10, 20, PlanStatus.CLOSED, "drafter", AT, AT);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Organization {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
