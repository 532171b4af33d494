package vn.dvk.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.plan.SeasonDates;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.CreatedRegistration;
import vn.dvk.registration.HistoryEntry;
import vn.dvk.registration.Registration;
import vn.dvk.registration.RegistrationDetails;
import vn.dvk.registration.RegistrationItems;
import vn.dvk.registration.RegistrationKind;
import vn.dvk.registration.RegistrationPage;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.RegistrationStatus;
import vn.dvk.registration.ResultReport;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * The unit head's pages over MockMvc with the services as doubles: what is shown, errors next to
 * their fields with the typed values kept, post/redirect/get, CSRF, another unit's records.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.registration\\.web\\.(RegistrationPageController|UnitPortal|UnitHomeController"
				+ "|UnitRegistrationFormController|UnitAttachmentController|ResultReportPageController)",
				"vn\\.dvk\\.shared\\.web\\..*" }))
@Import(UnitPortalPagesTests.Organization.class)
@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
class UnitPortalPagesTests {

	static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");

	static final Instant DEADLINE = Instant.parse("2026-04-30T10:00:00Z");

	static final String UNIT = "xa-cam-hai-dong";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RegistrationService registrations;

	@MockitoBean
	PlanService plans;

	@BeforeEach
	void plan() {
		given(plans.find("KH-2026-01")).willReturn(Optional.of(plan(2026, "KH-2026-01")));
		given(plans.find("KH-2025-01")).willReturn(Optional.of(plan(2025, "KH-2025-01")));
		given(plans.require("KH-2026-01")).willReturn(plan(2026, "KH-2026-01"));
		given(plans.list()).willReturn(List.of(plan(2026, "KH-2026-01")));
		given(plans.rules("KH-2026-01")).willReturn(new PlanRules(
				List.of(new Criterion("TC1", "Có kế hoạch triển khai", true, null),
						new Criterion("TC2", "Đạt mục tiêu đề ra", false, 2)),
				PlanRules.OUTCOMES, 50, 85, List.of(), new SeasonDates(AT, DEADLINE, null, null, null)));
		given(registrations.search(any(), any())).willReturn(new RegistrationPage(List.of(), 0, 100, 0, 0));
	}

	// ---------------------------------------------------------------- /unit

	@Test
	void theHomeListsWhatToDoNowWithDeadlinesTheOpenPlansAndTheUnitsRegistrations() throws Exception {
		Registration returned = registration("DK-2026-000001", RegistrationStatus.RETURNED, "Chợ cá văn minh");
		Registration accepted = registration("DK-2026-000002", RegistrationStatus.ACCEPTED, "Đường hoa nông thôn");
		Registration draft = registration("DK-2026-000003", RegistrationStatus.DRAFT, "Bản nháp dở dang");
		Registration lastYear = new Registration("DK-2025-000009", "KH-2025-01", UNIT, RegistrationKind.MODEL,
				"KINH_TE", false, null, items("Mô hình năm trước"), RegistrationStatus.RECOGNIZED, "head", AT, AT, AT);
		given(registrations.search(argThat(f -> UNIT.equals(f.unitCode())), any()))
			.willReturn(new RegistrationPage(List.of(returned, accepted, draft, lastYear), 0, 100, 4, 1));
		given(registrations.history("DK-2026-000001")).willReturn(List.of(new HistoryEntry(RegistrationStatus.RETURNED,
				"RETURNED", "huyen-cam-lam", "reviewer-huyen-cam-lam", "Làm rõ nguồn lực", AT)));
		given(registrations.resultReportAwaited("DK-2026-000002")).willReturn(true);
		given(registrations.resultReportOverdueAmong(any())).willReturn(Set.of());

		String html = mvc.perform(get("/unit"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("h1").text()).contains("Xã Cam Hải Đông");
		List<String> todos = page.select("#todo-heading ~ ul li").eachText();
		assertThat(todos).hasSize(3);
		// the nearest deadline first
		assertThat(todos.get(0)).contains("Hoàn thiện và gửi bản nháp", "Bản nháp dở dang", "31/03/2026 17:00");
		assertThat(todos.get(1)).contains("Nộp báo cáo kết quả thực hiện", "Đường hoa nông thôn", "30/04/2026 17:00");
		assertThat(todos.get(2)).contains("Chỉnh sửa và gửi lại", "Chợ cá văn minh", "Lý do trả lại: Làm rõ nguồn lực",
				"Không có hạn chót");
		assertThat(page.select("a[href=/unit/registrations/DK-2026-000002/report]")).isNotEmpty();
		assertThat(page.select("a[href=/unit/registrations/DK-2026-000001/edit]")).isNotEmpty();
		assertThat(page.select("a[href=/unit/registrations/new?plan=KH-2026-01]").text()).isEqualTo("Đăng ký mô hình");
		assertThat(html).contains("Bị trả lại", "Đã tiếp nhận", "Bản nháp", "Được công nhận",
				"href=\"/registrations/DK-2025-000009\"");
	}

	@Test
	@WithMockUser(username = "reviewer-tinh", authorities = "GROUP_reviewers-tinh")
	void someoneWhoHeadsNoUnitGetsTheVietnamese403Page() throws Exception {
		mvc.perform(get("/unit"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Trang này dành cho lãnh đạo của một đơn vị đăng ký mô hình.")));
	}

	// ---------------------------------------------------------------- the form

	@Test
	void theNewFormHasALabelForEveryInputThePlansFieldsAndLastYearsModelsToContinue() throws Exception {
		Registration lastYear = new Registration("DK-2025-000009", "KH-2025-01", UNIT, RegistrationKind.MODEL,
				"KINH_TE", false, null, items("Mô hình năm trước"), RegistrationStatus.RECOGNIZED, "head", AT, AT, AT);
		given(registrations.search(any(), any())).willReturn(new RegistrationPage(List.of(lastYear), 0, 100, 1, 1));

		String html = mvc.perform(get("/unit/registrations/new").param("plan", "KH-2026-01"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(html);
		for (Element input : page.select("form[action=/unit/registrations] input:not([type=hidden]), form[action=/unit/registrations] select, form[action=/unit/registrations] textarea")) {
			assertThat(page.select("label[for=" + input.id() + "]")).as("label of " + input.id()).isNotEmpty();
		}
		assertThat(page.select("textarea")).hasSize(9);
		assertThat(page.select("label[for=sustainability]").text()).isEqualTo("Khả năng duy trì, nhân rộng");
		assertThat(page.select("select#field option").eachText()).contains("Kinh tế", "Văn hóa – xã hội");
		assertThat(page.select("select#previousRegistrationCode option").eachText())
			.contains("DK-2025-000009 — Mô hình năm trước (năm 2025, Được công nhận)");
		assertThat(page.select("input[name=_csrf]")).isNotEmpty();
		assertThat(page.select("button[name=action][value=save]").text()).isEqualTo("Lưu nháp");
		assertThat(page.select("button[name=action][value=submit]").text()).isEqualTo("Gửi đăng ký");
		assertThat(page.select("script[src=/js/unit-portal.js]")).isNotEmpty();
		assertThat(page.select("script:not([src])")).isEmpty();
	}

	@Test
	void aRefusedSubmissionShowsEachErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
		given(registrations.create(any(), any(), isNull())).willThrow(DvkException.invalid(List.of(
				new FieldProblem("situation", "registration.field.required"),
				new FieldProblem("previousRegistrationCode", "registration.field.previousRequired"))));

		String html = mvc.perform(post("/unit/registrations").with(csrf())
			.param("planCode", "KH-2026-01").param("kind", "MODEL").param("field", "KINH_TE")
			.param("continuing", "true").param("name", "Chợ cá “an toàn”").param("objectives", "Mục tiêu đã gõ")
			.param("action", "submit"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString();

		Document page = Jsoup.parse(html);
		assertThat(page.select("textarea#situation").hasClass("is-invalid")).isTrue();
		assertThat(page.select("textarea#situation + .invalid-feedback").text()).isEqualTo("Không được để trống.");
		assertThat(page.select("select#previousRegistrationCode + .invalid-feedback").text())
			.isEqualTo("Mô hình tiếp tục từ năm trước cần nêu mã bản đăng ký trước đó.");
		assertThat(page.select("input#name").val()).isEqualTo("Chợ cá “an toàn”");
		assertThat(page.select("textarea#objectives").text()).isEqualTo("Mục tiêu đã gõ");
		assertThat(page.select("input[name=continuing][value=true]").hasAttr("checked")).isTrue();
		assertThat(page.select(".alert-danger").text()).contains("Bản đăng ký chưa hợp lệ");
		verify(registrations).create(argThat(r -> r.submitting() && r.isContinuing()), any(), isNull());
	}

	@Test
	void aSavedDraftRedirectsToItsPageWithAMessage() throws Exception {
		Registration draft = registration("DK-2026-000003", RegistrationStatus.DRAFT, "Bản nháp");
		given(registrations.create(any(), any(), isNull())).willReturn(new CreatedRegistration(draft, false));

		mvc.perform(post("/unit/registrations").with(csrf())
			.param("planCode", "KH-2026-01").param("kind", "MODEL").param("field", "KINH_TE")
			.param("continuing", "false").param("name", "Bản nháp").param("action", "save"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/registrations/DK-2026-000003"))
			.andExpect(flash().attribute("flash", "Đã lưu bản nháp DK-2026-000003."));
		verify(registrations).create(argThat(r -> !r.submitting() && "KH-2026-01".equals(r.planCode())
				&& "Bản nháp".equals(r.items().name())), any(), isNull());
	}

	@Test
	void withoutTheCsrfTokenNothingIsSaved() throws Exception {
		mvc.perform(post("/unit/registrations").param("planCode", "KH-2026-01").param("name", "X"))
			.andExpect(status().isForbidden());
		verify(registrations, never()).create(any(), any(), any());
	}

	@Test
	void aConflictOfTheServiceIsShownAboveTheFormWithTheValuesKept() throws Exception {
		given(registrations.create(any(), any(), isNull()))
			.willThrow(DvkException.conflict("registration.plan.deadlinePassed", "Kế hoạch 2026", "31/03/2026 17:00"));
		mvc.perform(post("/unit/registrations").with(csrf()).param("planCode", "KH-2026-01").param("name", "Giữ lại")
			.param("action", "submit"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(
					containsString("Đã hết hạn đăng ký theo kế hoạch “Kế hoạch 2026” (hạn chót 31/03/2026 17:00)."),
					containsString("value=\"Giữ lại\""))));
	}

	@Test
	void aReturnedRegistrationIsRevisedAndSentBackForReview() throws Exception {
		Registration returned = registration("DK-2026-000001", RegistrationStatus.RETURNED, "Chợ cá");
		given(registrations.get(eq("DK-2026-000001"), any())).willReturn(new RegistrationDetails(returned,
				List.of(new HistoryEntry(RegistrationStatus.RETURNED, "RETURNED", "huyen-cam-lam", "reviewer",
						"Làm rõ nguồn lực", AT)),
				List.of()));

		Document form = Jsoup.parse(mvc.perform(get("/unit/registrations/DK-2026-000001/edit"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(form.select("input#name").val()).isEqualTo("Chợ cá");
		assertThat(form.text()).contains("Ý kiến của cấp thẩm định khi trả lại: Làm rõ nguồn lực");
		assertThat(form.select("button[value=submit]").text()).isEqualTo("Gửi lại để thẩm định");
		assertThat(form.select("[data-dvk-upload]")).isNotEmpty();

		mvc.perform(post("/unit/registrations/DK-2026-000001/edit").with(csrf()).param("kind", "MODEL")
			.param("field", "KINH_TE").param("continuing", "false").param("name", "Chợ cá đã sửa")
			.param("action", "submit"))
			.andExpect(redirectedUrl("/registrations/DK-2026-000001"))
			.andExpect(flash().attribute("flash",
					"Đã gửi lại bản đăng ký DK-2026-000001; việc thẩm định bắt đầu lại từ cấp đầu tiên."));
		verify(registrations).revise(eq("DK-2026-000001"),
				argThat(r -> r.submitting() && "Chợ cá đã sửa".equals(r.items().name()) && Boolean.FALSE.equals(r.continuing())),
				any());
	}

	@Test
	void anotherUnitsRegistrationIsNotEditedHere() throws Exception {
		Registration other = new Registration("DK-2026-000005", "KH-2026-01", "xa-cam-hai-tay", RegistrationKind.MODEL,
				"KINH_TE", false, null, items("Của xã khác"), RegistrationStatus.DRAFT, "x", AT, AT, null);
		// a unit head cannot see it at all (the service answers 404) ...
		given(registrations.get(eq("DK-2026-000004"), any()))
			.willThrow(DvkException.notFound("registration.notFound", "DK-2026-000004"));
		mvc.perform(get("/unit/registrations/DK-2026-000004/edit"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Exception"))));
		// ... and one they can see but is not theirs is refused
		given(registrations.get(eq("DK-2026-000005"), any())).willReturn(new RegistrationDetails(other, List.of(), List.of()));
		mvc.perform(get("/unit/registrations/DK-2026-000005/edit"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Của xã khác"))));
		mvc.perform(post("/unit/registrations/DK-2026-000005/edit").with(csrf()).param("name", "X"))
			.andExpect(status().isForbidden());
		verify(registrations, never()).revise(anyString(), any(), any());
	}

	// ---------------------------------------------------------------- attachments

	@Test
	void theUploadAnswersTheScriptWithJsonAndAVietnameseRefusal() throws Exception {
		given(registrations.addAttachment(eq("DK-2026-000001"), eq("biên bản.pdf"), any(), any())).willReturn(
				new AttachmentInfo(7, "DK-2026-000001", "biên bản.pdf", "application/pdf", 2048, "x", "head", AT));
		mvc.perform(multipart("/unit/registrations/DK-2026-000001/attachments")
			.file(new MockMultipartFile("file", "biên bản.pdf", "application/pdf", "%PDF-1.4".getBytes()))
			.header("X-Requested-With", "XMLHttpRequest").with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.fileName").value("biên bản.pdf"))
			.andExpect(jsonPath("$.sizeKb").value("2"))
			.andExpect(jsonPath("$.url").value("/registrations/DK-2026-000001/attachments/7"));

		given(registrations.addAttachment(eq("DK-2026-000001"), eq("virus.exe"), any(), any())).willThrow(
				new DvkException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "registration.attachment.unsupportedType", "virus.exe"));
		mvc.perform(multipart("/unit/registrations/DK-2026-000001/attachments")
			.file(new MockMultipartFile("file", "virus.exe", "application/octet-stream", "MZ".getBytes()))
			.header("X-Requested-With", "XMLHttpRequest").with(csrf()))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.message", containsString("Loại tệp của “virus.exe” không được chấp nhận.")));
	}

	@Test
	void aFormUploadWithoutScriptRedirectsBackAndNeedsTheCsrfToken() throws Exception {
		given(registrations.addAttachment(any(), any(), any(), any())).willReturn(
				new AttachmentInfo(8, "DK-2026-000001", "ảnh.png", "image/png", 10, "x", "head", AT));
		mvc.perform(multipart("/unit/registrations/DK-2026-000001/attachments")
			.file(new MockMultipartFile("file", "ảnh.png", "image/png", new byte[] { 1 })).param("back", "edit")
			.with(csrf()))
			.andExpect(redirectedUrl("/unit/registrations/DK-2026-000001/edit"))
			.andExpect(flash().attribute("flash", "Đã đính kèm tệp “ảnh.png”."));
		mvc.perform(multipart("/unit/registrations/DK-2026-000001/attachments")
			.file(new MockMultipartFile("file", "ảnh.png", "image/png", new byte[] { 1 }))
			.header("X-Requested-With", "XMLHttpRequest"))
			.andExpect(status().isForbidden());
	}

	// ---------------------------------------------------------------- the registration's page

	@Test
	void theOwnersPageShowsATimelineTheReportToFileAndAnUploaderThatKnowsTheRules() throws Exception {
		Registration accepted = registration("DK-2026-000002", RegistrationStatus.ACCEPTED, "Đường hoa");
		given(registrations.get(eq("DK-2026-000002"), any())).willReturn(new RegistrationDetails(accepted, List.of(
				new HistoryEntry(RegistrationStatus.SUBMITTED, "SUBMITTED", null, "head-xa-cam-hai-dong", null, AT),
				new HistoryEntry(RegistrationStatus.ACCEPTED, "ACCEPTED", "tinh", "reviewer-tinh", "Đồng ý", AT)),
				List.of()));
		given(registrations.resultReportAwaited("DK-2026-000002")).willReturn(true);

		Document page = Jsoup.parse(mvc.perform(get("/registrations/DK-2026-000002"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());

		List<String> steps = page.select("ol.list-group > li").eachText();
		assertThat(steps).hasSize(2);
		assertThat(steps.get(0)).contains("Gửi đăng ký", "02/03/2026 08:30", "Người thực hiện: head-xa-cam-hai-dong");
		assertThat(steps.get(1)).contains("Tiếp nhận đăng ký", "Cấp thẩm định: Tỉnh Khánh Hòa",
				"Đồng ý");
		assertThat(page.select("a[href=/unit/registrations/DK-2026-000002/report]").text())
			.isEqualTo("Nộp báo cáo kết quả");
		assertThat(page.text()).contains("Hạn nộp báo cáo kết quả: 30/04/2026 17:00");
		Element upload = page.selectFirst("[data-dvk-upload]");
		assertThat(upload).isNotNull();
		assertThat(upload.attr("data-url")).isEqualTo("/unit/registrations/DK-2026-000002/attachments");
		assertThat(upload.attr("data-max-bytes")).isEqualTo(String.valueOf(10L * 1024 * 1024));
		assertThat(upload.attr("data-accept")).contains(".pdf", ".docx", ".png");
		assertThat(upload.attr("data-csrf-token")).isNotBlank();
		assertThat(upload.attr("data-msg-too-large")).isEqualTo("vượt quá dung lượng tối đa 10 MB, chưa được tải lên.");
		assertThat(page.select("label[for=file-page]")).isNotEmpty();
	}

	// ---------------------------------------------------------------- the result report

	@Test
	void theReportFormAsksEveryCriterionAndShowsErrorsNextToThem() throws Exception {
		Registration accepted = registration("DK-2026-000002", RegistrationStatus.ACCEPTED, "Đường hoa");
		given(registrations.get(eq("DK-2026-000002"), any())).willReturn(new RegistrationDetails(accepted, List.of(),
				List.of(new AttachmentInfo(7, "DK-2026-000002", "ảnh.jpg", "image/jpeg", 4096, "x", "h", AT))));
		given(registrations.resultReportAwaited("DK-2026-000002")).willReturn(true);

		Document form = Jsoup.parse(mvc.perform(get("/unit/registrations/DK-2026-000002/report"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString());
		assertThat(form.select("fieldset legend").eachText()).contains("Tiêu chí TC1: Có kế hoạch triển khai",
				"Tiêu chí TC2: Đạt mục tiêu đề ra");
		assertThat(form.select("input[type=radio]")).hasSize(4);
		assertThat(form.select("input[type=checkbox][name=attachmentIds][value=7]")).isNotEmpty();
		for (Element input : form.select("form textarea, form input[type=radio], form input[type=checkbox]")) {
			assertThat(form.select("label[for=" + input.id() + "]")).as("label of " + input.id()).isNotEmpty();
		}

		// no choice for TC2: refused here, before the service
		Document missing = Jsoup.parse(mvc.perform(post("/unit/registrations/DK-2026-000002/report").with(csrf())
			.param("results", "Đã làm").param("outputs", "2 km")
			.param("criteria[0].code", "TC1").param("criteria[0].met", "true").param("criteria[0].evidence", "Kế hoạch số 5")
			.param("criteria[1].code", "TC2"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString());
		assertThat(missing.select("input[name=criteria[1].met]").hasClass("is-invalid")).isTrue();
		assertThat(missing.select("textarea[name=criteria[0].evidence]").text()).isEqualTo("Kế hoạch số 5");
		verify(registrations, never()).fileResultReport(any(), any(), any());

		// the service's errors land on the criterion they concern
		given(registrations.fileResultReport(eq("DK-2026-000002"), any(), any())).willThrow(DvkException.invalid(List.of(
				new FieldProblem("selfEvaluation[1].evidence", "registration.field.required"),
				new FieldProblem("outputs", "registration.field.required"))));
		Document refused = Jsoup.parse(mvc.perform(post("/unit/registrations/DK-2026-000002/report").with(csrf())
			.param("results", "Đã làm")
			.param("criteria[0].code", "TC1").param("criteria[0].met", "false")
			.param("criteria[1].code", "TC2").param("criteria[1].met", "true").param("attachmentIds", "7"))
			.andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString());
		assertThat(refused.select("textarea[name=criteria[1].evidence]").hasClass("is-invalid")).isTrue();
		assertThat(refused.select("textarea[name=criteria[1].evidence] + .invalid-feedback").text())
			.isEqualTo("Không được để trống.");
		assertThat(refused.select("textarea#outputs").hasClass("is-invalid")).isTrue();
		assertThat(refused.select("input[name=attachmentIds][value=7]").hasAttr("checked")).isTrue();
		assertThat(refused.select("textarea#results").text()).isEqualTo("Đã làm");
	}

	@Test
	void aFiledReportRedirectsToTheRegistrationAndIsShownAsFiledAfterwards() throws Exception {
		Registration accepted = registration("DK-2026-000002", RegistrationStatus.ACCEPTED, "Đường hoa");
		given(registrations.get(eq("DK-2026-000002"), any()))
			.willReturn(new RegistrationDetails(accepted, List.of(), List.of()));
		given(registrations.resultReportAwaited("DK-2026-000002")).willReturn(true);

		mvc.perform(post("/unit/registrations/DK-2026-000002/report").with(csrf())
			.param("results", "Đã làm").param("outputs", "2 km")
			.param("criteria[0].code", "TC1").param("criteria[0].met", "true").param("criteria[0].evidence", "Có")
			.param("criteria[1].code", "TC2").param("criteria[1].met", "false"))
			.andExpect(redirectedUrl("/registrations/DK-2026-000002"))
			.andExpect(flash().attribute("flash", "Đã nộp báo cáo kết quả của bản đăng ký DK-2026-000002."));
		verify(registrations).fileResultReport(eq("DK-2026-000002"),
				argThat(r -> r.selfEvaluation().size() == 2 && r.selfEvaluation().get(0).met()
						&& !r.selfEvaluation().get(1).met() && "2 km".equals(r.outputs())),
				any());

		given(registrations.resultReport("DK-2026-000002")).willReturn(Optional.of(new ResultReport("DK-2026-000002",
				"Đã làm", "2 km", List.of(new vn.dvk.registration.SelfEvaluation("TC1", true, "Có")), List.of(),
				"head-xa-cam-hai-dong", AT)));
		mvc.perform(get("/unit/registrations/DK-2026-000002/report"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Báo cáo đã nộp ngày 02/03/2026 08:30"),
					containsString("Tiêu chí TC1: Có kế hoạch triển khai:"), not(containsString("<form method=\"post\" novalidate")))));
	}

	// ---------------------------------------------------------------- helpers

	static Registration registration(String code, RegistrationStatus status, String name) {
		return new Registration(code, "KH-2026-01", UNIT, RegistrationKind.MODEL, "KINH_TE", false, null, items(name),
				status, "head-xa-cam-hai-dong", AT, AT, status == RegistrationStatus.DRAFT ? null : AT);
	}

	static RegistrationItems items(String name) {
		return new RegistrationItems(name, "Thực trạng", "Mục tiêu", "Cách thức", "Địa bàn", "Lực lượng", "Nguồn lực",
				"Cả năm", "Sản phẩm", "Nhân rộng");
	}

	static Plan plan(int year, String code) {
		return new Plan(code, "Kế hoạch " + year, year, null, null, null, PlanField.standard(), List.of(),
				ReviewMode.EVERY_LEVEL, Instant.parse(year + "-03-31T10:00:00Z"), 3, 10, 20,
				PlanStatus.REGISTRATION_OPEN, "drafter", AT, AT);
	}

	@TestConfiguration
	static class Organization {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
