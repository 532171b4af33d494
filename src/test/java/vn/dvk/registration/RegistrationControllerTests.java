package vn.dvk.registration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.dvk.organization.OrganizationService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.Plan;
import vn.dvk.plan.PlanField;
import vn.dvk.plan.PlanRules;
import vn.dvk.plan.PlanService;
import vn.dvk.plan.PlanStatus;
import vn.dvk.plan.ReviewMode;
import vn.dvk.registration.RegistrationRepository.IdempotentRegistration;
import vn.dvk.registration.process.RegistrationWorkflow;

/**
 * The REST API over the real service and the real problem+json advice; only the repository,
 * the plan module and the engine are doubles.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.registration\\.web\\.RegistrationController", "vn\\.dvk\\.shared\\.web\\..*" }))
@Import({ RegistrationService.class, AttachmentTypes.class, RegistrationControllerTests.Doubles.class })
@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
class RegistrationControllerTests {

	static final String PLAN = "KH-2026-01";

	static final String CODE = "DK-2026-000042";

	static final String REPORT = "/api/registrations/" + CODE + "/result-report";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RegistrationRepository repository;

	@MockitoBean
	PlanService plans;

	@MockitoBean
	RegistrationWorkflow workflow;

	@Test
	void registersAModelAndReplaysTheSameIdempotencyKey() throws Exception {
		Plan plan = openPlan();
		given(repository.nextCode(2026)).willReturn(CODE);
		given(repository.insert(any(), eq("abc"), anyString())).willReturn(true);
		given(repository.find(CODE)).willReturn(Optional.of(stored(RegistrationStatus.SUBMITTED)));

		mvc.perform(post("/api/registrations").with(csrf())
			.header("Idempotency-Key", "abc")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("\"planCode\": \"" + PLAN + "\", \"kind\": \"MODEL\", \"field\": \"KINH_TE\"")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/registrations/" + CODE))
			.andExpect(jsonPath("$.code").value(CODE))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.statusName").value("Đã gửi"))
			.andExpect(jsonPath("$.unitName").value("Xã Cam Hải Đông"))
			.andExpect(jsonPath("$.fieldName").value("Kinh tế"))
			.andExpect(jsonPath("$.kindName").value("Mô hình"))
			.andExpect(jsonPath("$.sustainability").value("Nhân rộng"))
			.andExpect(jsonPath("$.history").isArray())
			.andExpect(jsonPath("$.attachments").isArray());
		ArgumentCaptor<Registration> inserted = ArgumentCaptor.forClass(Registration.class);
		ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
		verify(repository).insert(inserted.capture(), eq("abc"), hash.capture());
		verify(workflow).start(eq(inserted.getValue()), eq(plan),
				org.mockito.ArgumentMatchers.argThat(user -> user.id().equals("head-xa-cam-hai-dong")));

		given(repository.findByIdempotencyKey("head-xa-cam-hai-dong", "abc"))
			.willReturn(Optional.of(new IdempotentRegistration(stored(RegistrationStatus.SUBMITTED), hash.getValue())));
		mvc.perform(post("/api/registrations").with(csrf())
			.header("Idempotency-Key", "abc")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("\"planCode\": \"" + PLAN + "\", \"kind\": \"MODEL\", \"field\": \"KINH_TE\"")))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.code").value(CODE));
		mvc.perform(post("/api/registrations").with(csrf())
			.header("Idempotency-Key", "abc")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("\"planCode\": \"" + PLAN + "\", \"kind\": \"EXEMPLAR\", \"field\": \"KINH_TE\"")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));
	}

	@Test
	void missingItemsAre400WithVietnameseFieldErrors() throws Exception {
		problem(mvc.perform(post("/api/registrations").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"planCode\": \"" + PLAN + "\", \"kind\": \"MODEL\", \"field\": \"KINH_TE\", \"name\": \"Mô hình\"}")),
				400, "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được nêu.")
			.andExpect(jsonPath("$.errors.length()").value(9))
			.andExpect(jsonPath("$.errors[?(@.field == 'situation')].message").value("Không được để trống."))
			.andExpect(jsonPath("$.errors[?(@.field == 'sustainability')].message").value("Không được để trống."));
		verify(repository, never()).insert(any(), any(), any());
	}

	@Test
	void anotherUnitIs403WithoutATraceOfThatUnit() throws Exception {
		problem(mvc.perform(post("/api/registrations").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("\"planCode\": \"" + PLAN + "\", \"unitCode\": \"xa-cam-hai-tay\", \"kind\": \"MODEL\", "
					+ "\"field\": \"KINH_TE\""))), 403, "Bạn không có quyền đăng ký cho đơn vị này.")
			.andExpect(content().string(not(containsString("Cam Hải Tây"))));
	}

	@Test
	void anUnknownRegistrationIs404() throws Exception {
		problem(mvc.perform(get("/api/registrations/DK-2026-999999")), 404,
				"Không tìm thấy bản đăng ký “DK-2026-999999”.");
	}

	@Test
	void revisingASubmittedRegistrationIs409WithItsStatusInVietnamese() throws Exception {
		openPlan();
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(stored(RegistrationStatus.SUBMITTED)));
		problem(mvc.perform(put("/api/registrations/" + CODE).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body("\"kind\": \"MODEL\", \"field\": \"KINH_TE\""))), 409,
				"Bản đăng ký “DK-2026-000042” đang ở trạng thái “Đã gửi” nên không thể chỉnh sửa. "
						+ "Chỉ chỉnh sửa được khi ở trạng thái “Bản nháp” hoặc “Bị trả lại”.");
	}

	@Test
	void anOversizedFileIs413() throws Exception {
		byte[] big = new byte[(int) RegistrationService.ATTACHMENT_MAX_BYTES + 1];
		System.arraycopy(AttachmentTypesTests.pdf(), 0, big, 0, 8);
		problem(mvc.perform(multipart("/api/registrations/" + CODE + "/attachments")
			.file(new MockMultipartFile("file", "to.pdf", "application/pdf", big))
			.with(csrf())), 413, "Tệp “to.pdf” vượt quá dung lượng tối đa 10 MB.");
	}

	@Test
	void htmlCalledPdfIs415AndAPdfIsStored() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(stored(RegistrationStatus.SUBMITTED)));
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		problem(mvc.perform(multipart("/api/registrations/" + CODE + "/attachments")
			.file(new MockMultipartFile("file", "ke-hoach.pdf", "application/pdf", html))
			.with(csrf())), 415, null)
			.andExpect(jsonPath("$.detail", containsString("Loại tệp của “ke-hoach.pdf” không được chấp nhận")));
		verify(repository, never()).insertAttachment(any(), any(), any(), any(), any(), any(), any());

		byte[] pdf = AttachmentTypesTests.pdf();
		given(repository.insertAttachment(eq(CODE), eq("ke-hoach.pdf"), eq("application/pdf"), eq(pdf), anyString(),
				eq("head-xa-cam-hai-dong"), any()))
			.willReturn(new AttachmentInfo(7, CODE, "ke-hoach.pdf", "application/pdf", pdf.length, "h",
					"head-xa-cam-hai-dong", Instant.now()));
		mvc.perform(multipart("/api/registrations/" + CODE + "/attachments")
			.file(new MockMultipartFile("file", "ke-hoach.pdf", "text/html", pdf))
			.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.contentType").value("application/pdf"))
			.andExpect(jsonPath("$.downloadUrl").value("/api/registrations/" + CODE + "/attachments/7"));
	}

	@Test
	void downloadsAsAnAttachmentWithAUtf8NameAndNoSniffing() throws Exception {
		given(repository.find(CODE)).willReturn(Optional.of(stored(RegistrationStatus.SUBMITTED)));
		byte[] pdf = AttachmentTypesTests.pdf();
		given(repository.attachmentContent(CODE, 7)).willReturn(Optional.of(new AttachmentContent(
				new AttachmentInfo(7, CODE, "Kế hoạch.pdf", "application/pdf", pdf.length, "h", "x", Instant.now()),
				pdf)));
		mvc.perform(get("/api/registrations/" + CODE + "/attachments/7"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PDF))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf")))
			.andExpect(content().bytes(pdf));
	}

	@Test
	void listsOnlyVisibleRegistrationsAsAPage() throws Exception {
		given(repository.count(any())).willReturn(1L);
		given(repository.search(any(), eq(0), eq(20))).willReturn(List.of(stored(RegistrationStatus.SUBMITTED)));
		mvc.perform(get("/api/registrations").param("plan", PLAN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value(CODE))
			.andExpect(jsonPath("$.items[0].statusName").value("Đã gửi"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.totalPages").value(1));
		ArgumentCaptor<RegistrationRepository.Criteria> criteria = ArgumentCaptor
			.forClass(RegistrationRepository.Criteria.class);
		verify(repository).count(criteria.capture());
		org.assertj.core.api.Assertions.assertThat(criteria.getValue().visibleUnitCodes())
			.containsExactly("xa-cam-hai-dong");

		problem(mvc.perform(get("/api/registrations").param("unit", "xa-cam-hai-tay")), 403,
				"Bạn không có quyền xem các bản đăng ký của đơn vị này.");
		problem(mvc.perform(get("/api/registrations").param("size", "500")), 400, null)
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.errors[0].message").value("Số bản ghi mỗi trang phải từ 1 đến 100."));
	}

	// ---------------------------------------------------------------- result report

	@Test
	@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
	void someoneWhoIsNotTheHeadOfTheUnitCannotFileTheResultReport() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(stored(RegistrationStatus.ACCEPTED)));
		given(workflow.hasOpenResultReportTask(CODE)).willReturn(true);

		problem(mvc.perform(post(REPORT).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(report(5))),
				403, "Chỉ lãnh đạo đơn vị đã đăng ký mới được nộp báo cáo kết quả của mô hình này.");
		verify(repository, never()).insertResultReport(any(), any(), any());
		verify(workflow, never()).completeResultReport(any(), any());
	}

	@Test
	void withoutAnOpenReportTaskItIs409() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(stored(RegistrationStatus.ACCEPTED)));
		given(workflow.hasOpenResultReportTask(CODE)).willReturn(false);

		problem(mvc.perform(post(REPORT).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(report(5))),
				409, "Bản đăng ký “DK-2026-000042” (trạng thái: Đã tiếp nhận) không có bước báo cáo kết quả nào đang "
						+ "chờ: kế hoạch chưa bắt đầu đánh giá, hoặc báo cáo đã được nộp.");
		verify(repository, never()).insertResultReport(any(), any(), any());
	}

	@Test
	void aMissingCriterionIs400WithFieldErrors() throws Exception {
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(stored(RegistrationStatus.ACCEPTED)));
		given(workflow.hasOpenResultReportTask(CODE)).willReturn(true);
		given(plans.rules(PLAN)).willReturn(PlanRules.defaults());
		given(repository.attachments(CODE)).willReturn(List.of(new AttachmentInfo(7, CODE, "minh-chung.pdf",
				"application/pdf", 10, "h", "head-xa-cam-hai-dong", Instant.now())));

		problem(mvc.perform(post(REPORT).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(report(4))),
				400, "Dữ liệu gửi lên chưa hợp lệ. Vui lòng kiểm tra các trường được nêu.")
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("selfEvaluation"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Chưa tự đánh giá các tiêu chí: TC5 (Có sản phẩm, minh chứng cụ thể)."));
		verify(repository, never()).insertResultReport(any(), any(), any());
		verify(workflow, never()).completeResultReport(any(), any());
	}

	@Test
	void theHeadOfTheUnitFilesTheReportAndGetsItBackWith201() throws Exception {
		Instant filedAt = Instant.parse("2026-11-20T03:00:00Z");
		given(repository.findForUpdate(CODE)).willReturn(Optional.of(stored(RegistrationStatus.ACCEPTED)));
		given(repository.find(CODE)).willReturn(Optional.of(stored(RegistrationStatus.REPORTED)));
		given(workflow.hasOpenResultReportTask(CODE)).willReturn(true);
		given(plans.rules(PLAN)).willReturn(PlanRules.defaults());
		given(repository.attachments(CODE)).willReturn(List.of(new AttachmentInfo(7, CODE, "minh-chung.pdf",
				"application/pdf", 10, "h", "head-xa-cam-hai-dong", filedAt)));
		given(repository.findResultReport(CODE)).willReturn(Optional.empty(),
				Optional.of(new RegistrationRepository.StoredResultReport(CODE, "Đạt 100% mục tiêu", "120 hộ tham gia",
						"[{\"criterionCode\":\"TC1\",\"met\":true,\"evidence\":\"Kế hoạch số 12\"}]", "[7]",
						"head-xa-cam-hai-dong", filedAt)));

		mvc.perform(post(REPORT).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(report(5)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/registrations/" + CODE))
			.andExpect(jsonPath("$.code").value(CODE))
			.andExpect(jsonPath("$.status").value("REPORTED"))
			.andExpect(jsonPath("$.statusName").value("Đã báo cáo kết quả"))
			.andExpect(jsonPath("$.resultReportOverdue").value(false))
			.andExpect(jsonPath("$.resultReport.results").value("Đạt 100% mục tiêu"))
			.andExpect(jsonPath("$.resultReport.selfEvaluation[0].criterionCode").value("TC1"))
			.andExpect(jsonPath("$.resultReport.selfEvaluation[0].evidence").value("Kế hoạch số 12"))
			.andExpect(jsonPath("$.resultReport.attachmentIds[0]").value(7))
			.andExpect(jsonPath("$.resultReport.filedBy").value("head-xa-cam-hai-dong"));
		ArgumentCaptor<ResultReport> inserted = ArgumentCaptor.forClass(ResultReport.class);
		verify(repository).insertResultReport(inserted.capture(), anyString(), eq("[7]"));
		org.assertj.core.api.Assertions.assertThat(inserted.getValue().selfEvaluation())
			.extracting(SelfEvaluation::criterionCode)
			.containsExactly("TC1", "TC2", "TC3", "TC4", "TC5");
		verify(workflow).completeResultReport(org.mockito.ArgumentMatchers.argThat(r -> r.code().equals(CODE)),
				org.mockito.ArgumentMatchers.argThat(user -> user.id().equals("head-xa-cam-hai-dong")));
	}

	// ---------------------------------------------------------------- helpers

	private ResultActions problem(ResultActions result, int status, String detail) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty())
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(jsonPath("$.exception").doesNotExist())
			.andExpect(content().string(not(containsString("vn.dvk."))));
		if (detail != null) {
			result.andExpect(jsonPath("$.detail").value(detail));
		}
		return result;
	}

	private Plan openPlan() {
		Plan plan = new Plan(PLAN, "Kế hoạch Dân vận khéo năm 2026", 2026, "35-CT/TU", null, null,
				List.of(new PlanField("KINH_TE", "Kinh tế")), List.of(), ReviewMode.EVERY_LEVEL,
				Instant.now().plus(Duration.ofDays(10)), 7, 5, 10, PlanStatus.REGISTRATION_OPEN, "drafter",
				Instant.now(), Instant.now());
		given(plans.find(PLAN)).willReturn(Optional.of(plan));
		return plan;
	}

	private static Registration stored(RegistrationStatus status) {
		Instant now = Instant.now();
		return new Registration(CODE, PLAN, "xa-cam-hai-dong", RegistrationKind.MODEL, "KINH_TE", false, null,
				RegistrationServiceTests.items("Dân vận khéo"), status, "head-xa-cam-hai-dong", now, now, now);
	}

	/** A result report with a self-evaluation of the first {@code criteria} default criteria (TC1 ...). */
	private static String report(int criteria) {
		StringBuilder evaluations = new StringBuilder();
		for (int i = 1; i <= criteria; i++) {
			evaluations.append(i > 1 ? ", " : "")
				.append("{\"criterionCode\": \"TC").append(i).append("\", \"met\": true, \"evidence\": \"Minh chứng ")
				.append(i).append("\"}");
		}
		return "{\"results\": \"Đạt 100% mục tiêu\", \"outputs\": \"120 hộ tham gia\", \"selfEvaluation\": ["
				+ evaluations + "], \"attachmentIds\": [7]}";
	}

	private static String body(String head) {
		return "{" + head + ", \"name\": \"Dân vận khéo\", \"situation\": \"Thực trạng\", \"objectives\": \"Mục tiêu\", "
				+ "\"approach\": \"Cách thức\", \"beneficiaries\": \"Địa bàn\", \"implementers\": \"Lực lượng\", "
				+ "\"resources\": \"Nguồn lực\", \"timeframe\": \"Năm 2026\", \"outputs\": \"Sản phẩm\", "
				+ "\"sustainability\": \"Nhân rộng\"}";
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		OrganizationService organizationService() {
			return TestOrganizations.khanhHoa();
		}

	}

}
