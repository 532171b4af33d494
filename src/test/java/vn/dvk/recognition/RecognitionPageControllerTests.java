package vn.dvk.recognition;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.dvk.plan.Criterion;
import vn.dvk.plan.PlanRules;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.RegistrationService;
import vn.dvk.registration.ResultReport;
import vn.dvk.registration.SelfEvaluation;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;
import vn.dvk.testsupport.Fixtures;

/**
 * The portal page of a council session ({@code /recognition-sessions/{key}}) over a mocked session
 * service and the real Thymeleaf templates, messages, CSRF and page error advice.
 */
@WebMvcTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "vn\\.dvk\\.recognition\\.web\\.RecognitionPageController", "vn\\.dvk\\.shared\\.web\\..*" }))
@WithMockUser(username = "council1", authorities = { "GROUP_recognition-council", "GROUP_unit-mttq-tinh" })
class RecognitionPageControllerTests {

	static final String SESSION = Fixtures.PLAN + "-PH1";

	static final String OWN = "DK-2026-000001";

	static final String OTHER = "DK-2026-000002";

	static final Instant AT = Instant.parse("2026-11-20T18:00:00Z"); // 21/11/2026 in Vietnam

	static final PlanRules RULES = new PlanRules(
			List.of(new Criterion("TC1", "Giải quyết được vấn đề bức xúc của nhân dân", true, 60),
					new Criterion("TC2", "Được nhân dân đồng tình, hưởng ứng", false, 40)),
			PlanRules.OUTCOMES, 70, 90, List.of(), null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RecognitionSessionService sessions;

	@MockitoBean
	RegistrationService registrations;

	@BeforeEach
	void units() {
		given(sessions.unitName("mttq-tinh")).willReturn("Ủy ban MTTQ Việt Nam tỉnh");
		given(sessions.unitName("xa-cam-hai-dong")).willReturn("Xã Cam Hải Đông");
		given(registrations.resultReport(anyString())).willReturn(Optional.empty());
		given(registrations.resultReport(OTHER)).willReturn(Optional.of(new ResultReport(OTHER,
				"Chợ sạch, không còn rác thải ra biển", "Quy chế chợ văn minh",
				List.of(new SelfEvaluation("TC1", true, "Biên bản họp dân ngày 12/9"),
						new SelfEvaluation("TC2", false, "")),
				List.of(7L), "head-xa-cam-hai-dong", AT)));
		given(registrations.attachments(OTHER)).willReturn(List.of(
				new AttachmentInfo(7, OTHER, "biên-bản.pdf", "application/pdf", 2048, "x", "head-xa-cam-hai-dong", AT),
				new AttachmentInfo(8, OTHER, "đăng-ký.pdf", "application/pdf", 2048, "x", "head-xa-cam-hai-dong", AT)));
	}

	void session(String status, List<Assessment> assessments, List<SessionItem> items,
			Optional<RecognitionDecision> decision) {
		given(sessions.get(eq(SESSION), any())).willReturn(new SessionDetails(
				new RecognitionSession(SESSION, Fixtures.PLAN, 1, null, status, null, null, "drafter", AT, null),
				Fixtures.plan(), RULES, items, Map.of(), assessments,
				List.of(new Recusal(SESSION, OWN, "council1", "mttq-tinh", AT)), decision));
	}

	private void assessing(List<Assessment> assessments) {
		session(RecognitionSession.ASSESSING, assessments, items(null, null), Optional.empty());
	}

	static List<SessionItem> items(String proposed, RecognitionOutcome outcome) {
		return List.of(
				new SessionItem(SESSION, OWN, 1, "Mô hình “Mặt trận cùng dân giữ sạch bờ biển”", "mttq-tinh", "KINH_TE",
						"MODEL", proposed == null ? null : 40.0, proposed == null ? null : false,
						proposed == null ? null : "NOT_RECOGNIZE", outcome == null ? null : RecognitionOutcome.NOT_RECOGNIZED),
				new SessionItem(SESSION, OTHER, 2, "Mô hình “Chợ cá an toàn, văn minh”", "xa-cam-hai-dong", "KINH_TE",
						"MODEL", proposed == null ? null : 83.3, proposed == null ? null : true, proposed, outcome));
	}

	static Assessment assessment(String member, boolean tc1, boolean tc2, String comment) {
		return new Assessment(SESSION, OTHER, member, List.of(new CriterionMark("TC1", tc1), new CriterionMark("TC2", tc2)),
				comment, AT);
	}

	@Test
	void aMemberSeesTheCriteriaTheReportACheckboxPerCriterionAndTheirProgress() throws Exception {
		assessing(List.of());
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of(OTHER));

		mvc.perform(get("/recognition-sessions/" + SESSION))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Phiên bình xét KH-2026-01-PH1"),
					containsString("Hội đồng đang đánh giá"), containsString("Đã đánh giá 0/1 mô hình"),
					containsString("Giải quyết được vấn đề bức xúc của nhân dân"), containsString("Trọng số"),
					containsString("Bắt buộc"), containsString("Ngày lập phiên"), containsString("21/11/2026"))))
			// the model card: unit, field, the unit's result report with evidence
			.andExpect(content().string(allOf(containsString("id=\"model-DK-2026-000002\""),
					containsString("Xã Cam Hải Đông"), containsString("Kinh tế"),
					containsString("Chợ sạch, không còn rác thải ra biển"), containsString("Quy chế chợ văn minh"),
					containsString("Biên bản họp dân ngày 12/9"),
					containsString("/registrations/DK-2026-000002/attachments/7"), containsString("biên-bản.pdf"),
					not(containsString("đăng-ký.pdf")))))
			// the form: one “Đạt” checkbox per criterion, each labelled, a comment, the CSRF token
			.andExpect(content().string(allOf(
					containsString("action=\"/recognition-sessions/KH-2026-01-PH1/assessments\""),
					containsString("name=\"registrationCode\" value=\"DK-2026-000002\""),
					containsString("type=\"checkbox\" name=\"met\" value=\"TC1\" id=\"model-DK-2026-000002-TC1\""),
					containsString("type=\"checkbox\" name=\"met\" value=\"TC2\" id=\"model-DK-2026-000002-TC2\""),
					containsString("for=\"model-DK-2026-000002-TC1\""), containsString("for=\"model-DK-2026-000002-comment\""),
					containsString("name=\"_csrf\""), containsString("Lưu đánh giá"),
					containsString("Đồng chí chưa đánh giá mô hình này."))))
			// a member does not see the others' assessments nor the staff's figures
			.andExpect(content().string(not(containsString("Đánh giá của các thành viên Hội đồng"))));
	}

	@Test
	void aModelOfTheMembersOwnUnitShowsTheRecusalAndNoForm() throws Exception {
		assessing(List.of());
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of(OTHER));

		mvc.perform(get("/recognition-sessions/" + SESSION))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"model-DK-2026-000001\""),
					containsString("Không tham gia đánh giá (cùng đơn vị)"), containsString("Ủy ban MTTQ Việt Nam tỉnh"),
					containsString("Đơn vị chưa có báo cáo kết quả."),
					not(containsString("name=\"registrationCode\" value=\"DK-2026-000001\"")),
					not(containsString("id=\"model-DK-2026-000001-TC1\"")))));
	}

	@Test
	void anAssessedModelShowsTheMembersMarksForEditingWhileAssessing() throws Exception {
		assessing(List.of(assessment("council1", true, false, "Mô hình hay"), assessment("council2", false, false, "x")));
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of());

		mvc.perform(get("/recognition-sessions/" + SESSION))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Đã đánh giá 1/1 mô hình"),
					containsString("công việc “Đánh giá mô hình” trên Tasklist tự hoàn thành"),
					containsString("value=\"TC1\" id=\"model-DK-2026-000002-TC1\" checked=\"checked\""),
					not(containsString("value=\"TC2\" id=\"model-DK-2026-000002-TC2\" checked")),
					containsString(">Mô hình hay</textarea>"), containsString("Cập nhật đánh giá"),
					containsString("Đồng chí đã đánh giá ngày 21/11/2026"))));
	}

	@Test
	void aMemberReadsTheirMarksWithoutAFormOnceAssessingIsOver() throws Exception {
		session(RecognitionSession.CONFIRMING, List.of(assessment("council1", true, false, "Mô hình hay")),
				items("RECOGNIZE", null), Optional.empty());
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of());

		mvc.perform(get("/recognition-sessions/" + SESSION))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Chờ xác nhận kết quả"),
					containsString("Phần đánh giá của phiên đã kết thúc"),
					containsString("TC1. Giải quyết được vấn đề bức xúc của nhân dân: Đạt"),
					containsString("TC2. Được nhân dân đồng tình, hưởng ứng: Không đạt"),
					not(containsString("name=\"registrationCode\"")))));
	}

	@Test
	void aSavedAssessmentGoesThroughTheServiceAndRedirectsToTheModelWithAMessage() throws Exception {
		mvc.perform(post("/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.param("registrationCode", OTHER)
			.param("criterion", "TC1", "TC2")
			.param("met", "TC1")
			.param("comment", "Mô hình thiết thực"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/recognition-sessions/KH-2026-01-PH1#model-DK-2026-000002"))
			.andExpect(flash().attribute("savedCode", OTHER));
		verify(sessions).assess(eq(SESSION), eq(OTHER),
				eq(List.of(new CriterionMark("TC1", true), new CriterionMark("TC2", false))), eq("Mô hình thiết thực"),
				any());

		// the page after the redirect: the success message in that model's card
		assessing(List.of(assessment("council1", true, false, "Mô hình thiết thực")));
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of());
		mvc.perform(get("/recognition-sessions/" + SESSION).flashAttr("savedCode", OTHER))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Đã lưu đánh giá mô hình “Mô hình “Chợ cá an toàn, văn minh””.")));
	}

	@Test
	void withoutTheCsrfTokenNothingIsSaved() throws Exception {
		mvc.perform(post("/recognition-sessions/" + SESSION + "/assessments").param("registrationCode", OTHER)
			.param("criterion", "TC1", "TC2"))
			.andExpect(status().isForbidden());
		verify(sessions, never()).assess(anyString(), anyString(), anyList(), any(), any());
	}

	@Test
	void aRefusedAssessmentReRendersThePageWithTheVietnameseReasonsNextToTheForm() throws Exception {
		assessing(List.of());
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of(OTHER));
		given(sessions.assess(eq(SESSION), eq(OTHER), anyList(), any(), any()))
			.willThrow(DvkException.invalid(List.of(new FieldProblem("criteria", "recognition.assessment.criterion.missing",
					"TC2", "Được nhân dân đồng tình, hưởng ứng"))));

		mvc.perform(post("/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.param("registrationCode", OTHER)
			.param("criterion", "TC1")
			.param("met", "TC1")
			.param("comment", "Ý kiến còn giữ"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Chưa lưu được đánh giá:"),
					containsString("Dữ liệu gửi lên chưa hợp lệ."),
					containsString("Chưa đánh giá tiêu chí TC2: Được nhân dân đồng tình, hưởng ứng."),
					containsString("id=\"model-DK-2026-000002-errors\""),
					// what the member sent is kept
					containsString("value=\"TC1\" id=\"model-DK-2026-000002-TC1\" checked=\"checked\""),
					containsString(">Ý kiến còn giữ</textarea>"), not(containsString("Lỗi 400")))));
	}

	@Test
	void aModelOfTheMembersOwnUnitPostedAnywayIsRefusedWithTheRecusalMessage() throws Exception {
		assessing(List.of());
		given(sessions.unassessed(eq(SESSION), eq("council1"), anySet())).willReturn(List.of(OTHER));
		given(sessions.assess(eq(SESSION), eq(OWN), anyList(), isNull(), any()))
			.willThrow(DvkException.conflict("recognition.assessment.recused", OWN, "Ủy ban MTTQ Việt Nam tỉnh"));

		mvc.perform(post("/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.param("registrationCode", OWN)
			.param("criterion", "TC1", "TC2"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("Phiên bình xét KH-2026-01-PH1"),
					containsString("Thành viên không đánh giá mô hình của chính đơn vị mình"))));
	}

	@Test
	@WithMockUser(username = "head-xa-cam-hai-dong", authorities = { "GROUP_unit-heads", "GROUP_unit-xa-cam-hai-dong" })
	void aUnitHeadGetsTheVietnamese403Page() throws Exception {
		given(sessions.get(eq(SESSION), any())).willThrow(DvkException.forbidden("recognition.session.read.forbidden"));
		given(sessions.assess(anyString(), anyString(), anyList(), any(), any()))
			.willThrow(DvkException.forbidden("recognition.assessment.forbidden"));

		mvc.perform(get("/recognition-sessions/" + SESSION))
			.andExpect(status().isForbidden())
			.andExpect(content().string(allOf(containsString("Lỗi 403"), containsString(
					"Chỉ thành viên Hội đồng bình xét, chuyên viên và lãnh đạo Ban được xem phiên bình xét."))));
		mvc.perform(post("/recognition-sessions/" + SESSION + "/assessments").with(csrf())
			.param("registrationCode", OTHER)
			.param("criterion", "TC1"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Lỗi 403")));
	}

	@Test
	@WithMockUser(username = "drafter", authorities = "GROUP_plan-drafters")
	void staffSeeEveryAssessmentTheScoresTheOutcomesAndTheDecision() throws Exception {
		session(RecognitionSession.DECIDED,
				List.of(assessment("council1", true, false, "Mô hình hay"), assessment("council2", true, true, "")),
				items("RECOGNIZE", RecognitionOutcome.RECOGNIZED_TYPICAL),
				Optional.of(new RecognitionDecision(5, SESSION, 2026, 3, "3/QĐ-BTGDV", LocalDate.of(2026, 12, 1),
						"approver", AT)));

		mvc.perform(get("/recognition-sessions/" + SESSION))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Đã ban hành quyết định"),
					containsString("Mô hình đã có thành viên đánh giá: 1/2"),
					containsString("Đánh giá của các thành viên Hội đồng"), containsString("council2"),
					containsString("Mô hình hay"), containsString("Không tham gia đánh giá (cùng đơn vị): council1"),
					containsString("83,3"), containsString("Đạt (đa số thành viên)"),
					containsString("Công nhận tiêu biểu"), containsString("Không công nhận"),
					containsString("Quyết định số 3/QĐ-BTGDV ngày 01/12/2026"),
					containsString("href=\"/recognition-decisions/5/pdf\""))))
			.andExpect(content().string(allOf(not(containsString("name=\"registrationCode\"")),
					not(containsString("Đã đánh giá 0/")))));
	}

	@Test
	@WithMockUser(username = "approver", authorities = "GROUP_plan-approvers")
	void theDecisionPdfOpensFromThePortal() throws Exception {
		given(sessions.decisionPdf(eq(5L), any())).willReturn("%PDF-1.7".getBytes());
		mvc.perform(get("/recognition-decisions/5/pdf"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("quyet-dinh-cong-nhan-5.pdf")));
	}

}
