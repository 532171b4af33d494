package vn.dvk.plan.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
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

@WebMvcTest(PlanController.class)
@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
class PlanControllerTests {

	static final Instant CREATED = Instant.parse("2026-01-15T03:00:00Z");

	static final Plan PLAN = new Plan("KH-2026-01", "Kế hoạch thi đua \"Dân vận khéo\" năm 2026", 2026, "35-CT/TU",
			LocalDate.of(2022, 11, 2), "Mô tả", PlanField.standard(), List.of("xa-cam-lam", "phuong-nha-trang"),
			ReviewMode.EVERY_LEVEL, Instant.parse("2026-03-31T10:00:00Z"), 3, 10, 20, PlanStatus.DRAFT, "drafter",
			CREATED, null);

	static final String BODY = """
			{"title": "Kế hoạch thi đua \\"Dân vận khéo\\" năm 2026", "year": 2026, "legalBasisNumber": "35-CT/TU",
			 "legalBasisDate": "2022-11-02", "fields": [{"code": "KINH_TE", "name": "Kinh tế"}],
			 "scopeUnitCodes": ["xa-cam-lam"], "reviewMode": "DIRECT_PARENT",
			 "registrationDeadline": "2026-03-31T10:00:00Z", "reminderDaysBefore": 3, "reviewDays": 10,
			 "escalationDays": 20}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PlanService plans;

	@Test
	void aDrafterCreatesAPlanAndGetsItsLocation() throws Exception {
		given(plans.create(any(), eq("drafter"))).willReturn(PLAN);
		given(plans.history("KH-2026-01"))
			.willReturn(List.of(new PlanHistoryEntry(PlanStatus.DRAFT, "drafter", null, CREATED)));

		mvc.perform(post("/api/plans").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", endsWith("/api/plans/KH-2026-01")))
			.andExpect(jsonPath("$.code").value("KH-2026-01"))
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.statusName").value("Dự thảo"))
			.andExpect(jsonPath("$.reviewModeName").value("Thẩm định qua từng cấp"))
			.andExpect(jsonPath("$.fields[1].name").value("Văn hóa – xã hội"))
			.andExpect(jsonPath("$.legalBasisDate").value("2022-11-02"))
			.andExpect(jsonPath("$.registrationDeadline").value("2026-03-31T10:00:00Z"))
			.andExpect(jsonPath("$.registrationReminderAt").value("2026-03-28T10:00:00Z"))
			.andExpect(jsonPath("$.history[0].statusName").value("Dự thảo"))
			.andExpect(jsonPath("$.history[0].actor").value("drafter"));

		ArgumentCaptor<PlanDraft> draft = ArgumentCaptor.forClass(PlanDraft.class);
		verify(plans).create(draft.capture(), eq("drafter"));
		assertThat(draft.getValue().reviewMode()).isEqualTo(ReviewMode.DIRECT_PARENT);
		assertThat(draft.getValue().fields()).containsExactly(new PlanField("KINH_TE", "Kinh tế"));
		assertThat(draft.getValue().registrationDeadline()).isEqualTo(Instant.parse("2026-03-31T10:00:00Z"));
		assertThat(draft.getValue().code()).isNull();
	}

	@Test
	void invalidFieldsAreExplainedInVietnamese() throws Exception {
		given(plans.create(any(), any())).willThrow(DvkException.invalid(List.of(
				new FieldProblem("title", "plan.title.required"),
				new FieldProblem("year", "plan.year.range", "2020", "2100"),
				new FieldProblem("scopeUnitCodes[0]", "plan.scopeUnitCodes.unknown", "xa-khong-co"))));

		mvc.perform(post("/api/plans").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
			.andExpect(jsonPath("$.errors[0].field").value("title"))
			.andExpect(jsonPath("$.errors[0].message").value("Vui lòng nhập tên kế hoạch."))
			.andExpect(jsonPath("$.errors[1].message").value("Năm của kế hoạch phải từ 2020 đến 2100."))
			.andExpect(jsonPath("$.errors[2].message").value("Không có đơn vị mang mã 'xa-khong-co'."));
	}

	@Test
	void unknownPropertiesAndAnUnknownReviewModeAreFieldErrors() throws Exception {
		mvc.perform(post("/api/plans").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"title": "Kế hoạch", "year": 2026, "deadline": "2026-03-31", "reviewMode": "SOMETIMES"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deadline"))
			.andExpect(jsonPath("$.errors[0].message").value("Trường này không có trong kế hoạch."))
			.andExpect(jsonPath("$.errors[1].field").value("reviewMode"))
			.andExpect(jsonPath("$.errors[1].message").value(
					"Cách thẩm định không hợp lệ; chọn một trong các giá trị: EVERY_LEVEL, DIRECT_PARENT, PROVINCE_ONLY."));
		verifyNoInteractions(plans);
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		mvc.perform(post("/api/plans").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"title\": "))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value(containsString("JSON")));
		mvc.perform(post("/api/plans").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"year\": \"năm nay\"}"))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(plans);
	}

	@Test
	@WithMockUser(username = "head-xa-cam-lam", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-lam" })
	void onlyPlanDraftersMayCreateUpdateOrSubmit() throws Exception {
		mvc.perform(post("/api/plans").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail")
				.value("Chỉ chuyên viên soạn thảo kế hoạch mới được tạo, sửa hoặc trình phê duyệt kế hoạch."));
		mvc.perform(put("/api/plans/KH-2026-01").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/plans/KH-2026-01/submit").with(csrf())).andExpect(status().isForbidden());
		verifyNoInteractions(plans);
	}

	@Test
	@WithMockUser(username = "head-xa-cam-lam", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-lam" })
	void anySignedInUserReadsTheListWithoutHistoryOrRules() throws Exception {
		given(plans.list()).willReturn(List.of(PLAN));

		mvc.perform(get("/api/plans"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].code").value("KH-2026-01"))
			.andExpect(jsonPath("$[0].scopeUnitCodes[1]").value("phuong-nha-trang"))
			.andExpect(jsonPath("$[0].history").doesNotExist())
			.andExpect(jsonPath("$[0].rules").doesNotExist());
		verify(plans, never()).history(any());
		verify(plans, never()).rules(any());
	}

	@Test
	void onePlanComesWithItsHistoryAndItsRules() throws Exception {
		given(plans.require("KH-2026-01")).willReturn(PLAN);
		given(plans.rules("KH-2026-01")).willReturn(PlanRules.defaults());
		given(plans.hasOwnRules("KH-2026-01")).willReturn(false);
		given(plans.history("KH-2026-01")).willReturn(List.of(
				new PlanHistoryEntry(PlanStatus.DRAFT, "drafter", null, CREATED),
				new PlanHistoryEntry(PlanStatus.RETURNED, "approver", "Bổ sung căn cứ", CREATED.plusSeconds(60))));

		mvc.perform(get("/api/plans/KH-2026-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("Kế hoạch thi đua \"Dân vận khéo\" năm 2026"))
			.andExpect(jsonPath("$.history[1].status").value("RETURNED"))
			.andExpect(jsonPath("$.history[1].statusName").value("Trả lại để chỉnh sửa"))
			.andExpect(jsonPath("$.history[1].comment").value("Bổ sung căn cứ"))
			.andExpect(jsonPath("$.history[1].occurredAt").value("2026-01-15T03:01:00Z"))
			.andExpect(jsonPath("$.rules.planCode").value("KH-2026-01"))
			.andExpect(jsonPath("$.rules.defaults").value(true))
			.andExpect(jsonPath("$.rules.scored").value(false))
			.andExpect(jsonPath("$.rules.criteria[0].code").value("TC1"))
			.andExpect(jsonPath("$.rules.recognitionOutcomes[1]").value("RECOGNIZED_TYPICAL"))
			.andExpect(jsonPath("$.rules.recognizeMinScore").value(50))
			.andExpect(jsonPath("$.rules.awards[1].name").value("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh"))
			.andExpect(jsonPath("$.rules.awards[2].recipientsName").value("Cá nhân"))
			.andExpect(jsonPath("$.rules.season").exists());
	}

	@Test
	void anUnknownPlanIsNotFound() throws Exception {
		given(plans.require("KH-2026-99")).willThrow(DvkException.notFound("plan.notFound", "KH-2026-99"));

		mvc.perform(get("/api/plans/KH-2026-99"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value("Không tìm thấy kế hoạch có mã 'KH-2026-99'."));
	}

	@Test
	void aDrafterUpdatesAPlan() throws Exception {
		given(plans.update(eq("KH-2026-01"), any(), eq("drafter"))).willReturn(PLAN);
		given(plans.history("KH-2026-01")).willReturn(List.of());

		mvc.perform(put("/api/plans/KH-2026-01").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(BODY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("KH-2026-01"));
		verify(plans).update(eq("KH-2026-01"), any(PlanDraft.class), eq("drafter"));
	}

	@Test
	void submittingAPlanInTheWrongStatusIsAConflict() throws Exception {
		given(plans.submit("KH-2026-01", "drafter"))
			.willThrow(DvkException.conflict("plan.submit.illegalStatus", "KH-2026-01", "Chờ phê duyệt"));

		mvc.perform(post("/api/plans/KH-2026-01/submit").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Xung đột trạng thái"))
			.andExpect(jsonPath("$.detail").value("Kế hoạch KH-2026-01 đang ở trạng thái \"Chờ phê duyệt\": "
					+ "chỉ trình phê duyệt được kế hoạch ở trạng thái \"Dự thảo\" hoặc \"Trả lại để chỉnh sửa\"."));
	}

	@Test
	void aDrafterSubmitsAPlan() throws Exception {
		Plan inApproval = new Plan(PLAN.code(), PLAN.title(), PLAN.year(), PLAN.legalBasisNumber(),
				PLAN.legalBasisDate(), PLAN.description(), PLAN.fields(), PLAN.scopeUnitCodes(), PLAN.reviewMode(),
				PLAN.registrationDeadline(), 3, 10, 20, PlanStatus.IN_APPROVAL, "drafter", CREATED, null);
		given(plans.submit("KH-2026-01", "drafter")).willReturn(inApproval);
		given(plans.history("KH-2026-01")).willReturn(List.of());

		mvc.perform(post("/api/plans/KH-2026-01/submit").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("IN_APPROVAL"))
			.andExpect(jsonPath("$.statusName").value("Chờ phê duyệt"));
	}

}
