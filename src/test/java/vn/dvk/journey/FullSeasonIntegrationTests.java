package vn.dvk.journey;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole season on the real application (embedded PostgreSQL, SMTP, job executor), driven over
 * HTTP: a plan with its rules; five units register and are accepted; registration closes and the
 * evaluation opens (timers fast-forwarded through /engine-rest); four units report, one is
 * overdue; the council assesses (with a recusal) and the chair confirms one recognition decision
 * (a Vietnamese PDF); the best are awarded inside the board and by a central authority; history
 * from before the system is imported; the summary counts exactly what happened.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "dvk.mail.dispatcher.fixed-delay=200ms" })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ThisContextsEngine.class)
class FullSeasonIntegrationTests {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Unit head, field and model name of the five registrations, A to E. */
	static final List<String[]> UNITS = List.of(
			new String[] { "xa-cam-hai-dong", "KINH_TE", "Mô hình “Chợ cá an toàn, văn minh”" },
			new String[] { "phuong-nha-trang", "VAN_HOA_XA_HOI", "Mô hình “Khu phố không rác thải nhựa”" },
			new String[] { "hoi-phu-nu-tinh", "KINH_TE", "Mô hình “Phụ nữ khởi nghiệp từ nông sản địa phương”" },
			new String[] { "so-y-te", "XAY_DUNG_HE_THONG_CHINH_TRI", "Mô hình “Lắng nghe người bệnh”" },
			new String[] { "xa-van-ninh", "QUOC_PHONG_AN_NINH", "Mô hình “Camera an ninh thôn xóm”" });

	static String planCode;

	static final List<String> codes = new ArrayList<>();

	static List<String> criteria;

	static String decisionNumber;

	@LocalServerPort
	int port;

	@Autowired
	GreenMail mailServer;

	JourneyClient http;

	@BeforeEach
	void client() {
		http = new JourneyClient(port, mailServer);
	}

	@Test
	@Order(1)
	void aPlanWithItsRulesAndSeasonDatesIsApproved() {
		Instant now = Instant.now();
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("title", "Kế hoạch thi đua “Dân vận khéo” năm " + now.atZone(VIETNAM).getYear() + " – cả mùa");
		draft.put("year", now.atZone(VIETNAM).getYear());
		draft.put("registrationDeadline", now.plus(2, ChronoUnit.DAYS).toString());
		ResponseEntity<JsonNode> created = http.post("drafter", "/api/plans", draft);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		planCode = created.getBody().path("code").asText();

		JsonNode rules = http.get("drafter", "/api/plans/{code}/rules", planCode);
		assertThat(rules.path("awards").findValuesAsText("code")).contains("GIAY_KHEN_BAN", "BANG_KHEN_UBND",
				"KY_NIEM_CHUONG");
		criteria = rules.path("criteria").findValuesAsText("code");
		assertThat(criteria).hasSizeGreaterThanOrEqualTo(3);
		ObjectNode update = ((ObjectNode) rules.deepCopy());
		ObjectNode season = update.putObject("season");
		season.put("evaluationOpensAt", now.plus(3, ChronoUnit.DAYS).toString());
		season.put("resultReportDeadline", now.plus(10, ChronoUnit.DAYS).toString());
		season.put("councilSessionAt", now.plus(12, ChronoUnit.DAYS).toString());
		season.put("awardDossierDeadline", now.plus(15, ChronoUnit.DAYS).toString());
		season.put("summaryDate", LocalDate.now(VIETNAM).plusDays(30).toString());
		update.remove(List.of("planCode", "defaults", "scored"));
		ResponseEntity<JsonNode> saved = http.put("drafter", "/api/plans/{code}/rules", update, planCode);
		assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);

		http.post("drafter", "/api/plans/{code}/submit", null, planCode);
		assertThat(http.decide("approver", http.onlyTask("approver", planCode, "UserTask_ApprovePlan"), "APPROVE",
				null)
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(plan().path("status").asText()).isEqualTo("REGISTRATION_OPEN");
	}

	@Test
	@Order(2)
	void fiveUnitsRegisterAndEveryLevelAcceptsThem() {
		for (String[] unit : UNITS) {
			ResponseEntity<JsonNode> created = http.post("head-" + unit[0], "/api/registrations",
					registration(unit[1], unit[2]));
			assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
			codes.add(created.getBody().path("code").asText());
		}
		// the legacy district reviews its commune first, then the province reviews everyone
		approve("reviewer-huyen-cam-lam", codes.get(0));
		for (String code : codes) {
			approve("reviewer-tinh", code);
		}
		for (int i = 0; i < codes.size(); i++) {
			assertThat(registration(i).path("status").asText()).as(codes.get(i)).isEqualTo("ACCEPTED");
		}
	}

	@Test
	@Order(3)
	void registrationClosesTheEvaluationOpensFourUnitsReportAndOneIsOverdue() {
		http.fireTimer("PlanIssuanceProcess", planCode, "TimerEvent_RegistrationDeadline");
		assertThat(plan().path("status").asText()).isEqualTo("REGISTRATION_CLOSED");
		http.fireTimer("PlanIssuanceProcess", planCode, "TimerEvent_EvaluationOpens");
		assertThat(plan().path("status").asText()).isEqualTo("EVALUATION");
		http.awaitMail("head-xa-cam-hai-dong", "Đề nghị báo cáo kết quả mô hình " + codes.get(0));

		for (int i = 0; i < 4; i++) {
			List<Map<String, Object>> self = new ArrayList<>();
			for (String criterion : criteria) {
				self.add(Map.of("criterionCode", criterion, "met", true, "evidence",
						"Biên bản họp dân, ảnh hoạt động và số liệu của đơn vị."));
			}
			Map<String, Object> report = Map.of("results", "Đạt và vượt các mục tiêu đề ra trong năm.", "outputs",
					"Quy chế hoạt động, tổ tự quản, sổ theo dõi.", "selfEvaluation", self, "attachmentIds", List.of());
			ResponseEntity<JsonNode> filed = http.post("head-" + UNITS.get(i)[0],
					"/api/registrations/{code}/result-report", report, codes.get(i));
			assertThat(filed.getStatusCode().value()).as(String.valueOf(filed.getBody())).isEqualTo(201);
			assertThat(registration(i).path("status").asText()).isEqualTo("REPORTED");
		}

		http.fireTimer("PlanIssuanceProcess", planCode, "TimerEvent_ResultReportDeadline");
		JsonNode overdue = http.get("drafter", "/api/registrations?plan={plan}&reportOverdue=true", planCode);
		assertThat(overdue.path("items").findValuesAsText("code")).containsExactly(codes.get(4));
		assertThat(registration(4).path("resultReportOverdue").asBoolean()).isTrue();
		http.awaitMail("drafter", "chưa nộp báo cáo kết quả");
	}

	@Test
	@Order(4)
	void theCouncilAssessesWithARecusalAndTheChairIssuesOneDecision() throws Exception {
		ResponseEntity<JsonNode> session = http.post("drafter", "/api/plans/{code}/recognition-sessions", null,
				planCode);
		assertThat(session.getStatusCode().value()).as(String.valueOf(session.getBody())).isEqualTo(201);
		String key = session.getBody().path("key").asText();
		List<String> models = new ArrayList<>();
		session.getBody().path("models").forEach(m -> models.add(m.path("registrationCode").asText()));
		assertThat(models).containsExactlyInAnyOrderElementsOf(codes.subList(0, 4));

		for (String member : List.of("council1", "council2", "council3")) {
			for (int i = 0; i < 4; i++) {
				// D: the required criteria are not met in the members' eyes
				boolean met = i != 3;
				List<Map<String, Object>> marks = new ArrayList<>();
				for (String criterion : criteria) {
					marks.add(Map.of("code", criterion, "met", met));
				}
				ResponseEntity<JsonNode> assessed = http.post(member, "/api/recognition-sessions/{key}/assessments",
						Map.of("registrationCode", codes.get(i), "criteria", marks, "comment", "Đánh giá tại phiên họp."),
						key);
				if (member.equals("council2") && i == 2) {
					// council2 sits for the Women's Union: they may not assess its model
					assertThat(assessed.getStatusCode().value()).isEqualTo(409);
				}
				else {
					assertThat(assessed.getStatusCode().value()).as(member + " " + codes.get(i) + ": "
							+ assessed.getBody()).isEqualTo(201);
				}
			}
		}
		JsonNode assessedSession = http.get("drafter", "/api/recognition-sessions/{key}", key);
		assertThat(assessedSession.path("models").findValues("recusals").toString()).contains("council2");

		String confirm = http.onlyTask("approver", key, "UserTask_ConfirmOutcomes");
		Map<String, String> outcomes = new LinkedHashMap<>();
		outcomes.put(codes.get(0), "RECOGNIZE_TYPICAL");
		outcomes.put(codes.get(1), "RECOGNIZE");
		outcomes.put(codes.get(2), "RECOGNIZE");
		// the contract: every model of the session, and a reason when one is not recognised
		Map<String, Object> incomplete = Map.of("outcomes", json(Map.of(codes.get(0), "RECOGNIZE")));
		assertThat(http.complete("approver", confirm, incomplete).getStatusCode().value()).isEqualTo(400);
		outcomes.put(codes.get(3), "NOT_RECOGNIZE");
		Map<String, Object> confirmed = new LinkedHashMap<>();
		confirmed.put("outcomes", json(outcomes));
		confirmed.put("comment", "Mô hình “Lắng nghe người bệnh” chưa đạt tiêu chí bắt buộc.");
		ResponseEntity<JsonNode> done = http.complete("approver", confirm, confirmed);
		assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);

		JsonNode decided = await().atMost(Duration.ofSeconds(30))
			.until(() -> http.get("drafter", "/api/recognition-sessions/{key}", key),
					s -> "DECIDED".equals(s.path("status").asText()));
		decisionNumber = decided.path("decision").path("number").asText();
		assertThat(decisionNumber).matches("\\d+/QĐ-BTGDV");
		byte[] pdf = http.bytes("head-xa-cam-hai-dong", decided.path("decision").path("pdfUrl").asText());
		try (var document = Loader.loadPDF(pdf)) {
			// table cells wrap: compare with the line breaks folded into spaces
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("QUYẾT ĐỊNH", decisionNumber, "Chợ cá an toàn, văn minh", "Xã Cam Hải Đông");
		}

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(List.of(registration(0), registration(1), registration(2), registration(3))
				.stream()
				.map(r -> r.path("status").asText())
				.toList()).containsExactly("RECOGNIZED_TYPICAL", "RECOGNIZED", "RECOGNIZED", "NOT_RECOGNIZED"));
		http.awaitMail("head-xa-cam-hai-dong", "Kết quả bình xét mô hình " + codes.get(0));
	}

	@Test
	@Order(5)
	void theBestAreAwardedByTheBoardAndByTheCentralAuthorityOnce() throws Exception {
		ResponseEntity<JsonNode> internal = http.post("drafter", "/api/awards/nominations",
				Map.of("planCode", planCode, "awardType", "GIAY_KHEN_BAN", "recipientKind", "COLLECTIVE",
						"registrationCode", codes.get(0), "achievement",
						"Có thành tích xuất sắc trong xây dựng mô hình “Chợ cá an toàn, văn minh”."));
		assertThat(internal.getStatusCode().value()).as(String.valueOf(internal.getBody())).isEqualTo(201);
		String nomination = internal.getBody().path("code").asText();
		// the same achievement cannot receive the same award twice
		assertThat(http.post("drafter", "/api/awards/nominations",
				Map.of("planCode", planCode, "awardType", "GIAY_KHEN_BAN", "recipientKind", "COLLECTIVE",
						"registrationCode", codes.get(0), "achievement", "Lần hai."))
			.getStatusCode()
			.value()).isEqualTo(409);
		// the medal is for individuals only; a model that was not recognised cannot be nominated
		assertThat(http.post("drafter", "/api/awards/nominations",
				Map.of("planCode", planCode, "awardType", "KY_NIEM_CHUONG", "recipientKind", "COLLECTIVE",
						"registrationCode", codes.get(1), "achievement", "…"))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(http.post("drafter", "/api/awards/nominations",
				Map.of("planCode", planCode, "awardType", "GIAY_KHEN_BAN", "recipientKind", "COLLECTIVE",
						"registrationCode", codes.get(3), "achievement", "…"))
			.getStatusCode()
			.is4xxClientError()).isTrue();

		assertThat(http.decide("awardapprover", http.onlyTask("awardapprover", nomination, "UserTask_ApproveAward"),
				"APPROVE", "Đồng ý khen thưởng.")
			.getStatusCode()
			.value()).isEqualTo(204);
		JsonNode awarded = http.get("drafter", "/api/awards/nominations/{code}", nomination);
		assertThat(awarded.path("status").asText()).isEqualTo("AWARDED");
		assertPdfContains(awarded, "chung-nhan", "Chợ cá an toàn, văn minh");
		http.awaitMail("head-xa-cam-hai-dong", "Thông báo khen thưởng");

		ResponseEntity<JsonNode> external = http.post("drafter", "/api/awards/nominations",
				Map.of("planCode", planCode, "awardType", "KY_NIEM_CHUONG", "recipientKind", "INDIVIDUAL", "person",
						Map.of("fullName", "Nguyễn Thị Hoa", "position", "Chủ tịch Hội Liên hiệp Phụ nữ xã",
								"unitCode", "xa-cam-hai-dong"),
						"achievement", "Nhiều năm vận động hội viên xây dựng mô hình “Chợ cá an toàn, văn minh”."));
		assertThat(external.getStatusCode().value()).as(String.valueOf(external.getBody())).isEqualTo(201);
		String medal = external.getBody().path("code").asText();
		JsonNode awaiting = http.get("drafter", "/api/awards/nominations/{code}", medal);
		assertThat(awaiting.path("status").asText()).isEqualTo("AWAITING_AUTHORITY");
		assertPdfContains(awaiting, "to-trinh", "Nguyễn Thị Hoa");

		ResponseEntity<JsonNode> recorded = http.upload("clerk", "/api/awards/nominations/{code}/authority-decision",
				"quyet-dinh.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
				Map.of("number", "1234-QĐ/BTGDVTW", "date", LocalDate.now(VIETNAM).toString(), "authority",
						"Ban Tuyên giáo và Dân vận Trung ương", "outcome", "AWARDED"),
				medal);
		assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(200);
		assertThat(http.get("drafter", "/api/awards/nominations/{code}", medal).path("status").asText())
			.isEqualTo("AWARDED");
	}

	@Test
	@Order(6)
	void historyIsImportedAndTheSummaryCountsExactlyWhatHappened() throws Exception {
		int year = LocalDate.now(VIETNAM).getYear();
		String csv = "ten_mo_hinh,don_vi,linh_vuc,nam,ket_qua\n"
				+ "Mô hình “Dân vận khéo” trong giải phóng mặt bằng,Xã Cam Hải Tây,Kinh tế," + (year - 2)
				+ ",Công nhận\n" + "Tổ tự quản an ninh trật tự,phuong-ba-ngoi,Quốc phòng – an ninh," + (year - 1)
				+ ",Tiêu biểu\n" + "Dòng họ khuyến học,xa-dien-khanh,Văn hóa – xã hội," + (year - 1) + ",Công nhận\n";
		ResponseEntity<JsonNode> imported = http.upload("drafter", "/api/models/import", "lich-su.csv",
				csv.getBytes(StandardCharsets.UTF_8), Map.of());
		assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);

		JsonNode summary = http.get("approver", "/api/reports/summary?plan={plan}", planCode);
		JsonNode totals = summary.path("totals");
		assertThat(totals.path("registered").asInt()).isEqualTo(5);
		assertThat(totals.path("accepted").asInt()).isEqualTo(5);
		assertThat(totals.path("reported").asInt()).isEqualTo(4);
		assertThat(totals.path("recognized").asInt()).isEqualTo(3);
		assertThat(totals.path("typical").asInt()).isEqualTo(1);
		// cumulative: the 3 recognised this season, the 3 imported, and whatever the demo had
		assertThat(totals.path("cumulative").asInt()).isGreaterThanOrEqualTo(6);
		JsonNode economy = find(summary.path("byField"), "KINH_TE");
		assertThat(economy.path("figures").path("registered").asInt()).isEqualTo(2);
		assertThat(economy.path("figures").path("recognized").asInt()).isEqualTo(2);
		JsonNode awards = summary.path("awards");
		assertThat(awards.path("collective").asInt()).isEqualTo(1);
		assertThat(awards.path("individual").asInt()).isEqualTo(1);
		assertThat(awards.path("total").asInt()).isEqualTo(2);

		byte[] xlsx = http.bytes("approver", "/api/reports/summary.xlsx?plan={plan}", planCode);
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
				.startsWith("BÁO CÁO TỔNG KẾT PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”");
		}
	}

	// ---- helpers --------------------------------------------------------------------------------

	private void approve(String reviewer, String code) {
		String task = http.onlyTask(reviewer, code, "UserTask_ReviewRegistration");
		assertThat(http.decide(reviewer, task, "APPROVE", "Đồng ý.").getStatusCode().value()).isEqualTo(204);
	}

	private JsonNode plan() {
		return http.get("drafter", "/api/plans/{code}", planCode);
	}

	private JsonNode registration(int index) {
		return http.get("drafter", "/api/registrations/{code}", codes.get(index));
	}

	private Map<String, Object> registration(String field, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", "MODEL");
		body.put("field", field);
		body.put("name", name);
		body.put("situation", "Thực trạng ở địa phương đặt ra yêu cầu phải có cách làm mới.");
		body.put("objectives", "Người dân đồng tình, hưởng ứng; kết quả đo được.");
		body.put("approach", "Vận động, làm mẫu, tổ tự quản.");
		body.put("beneficiaries", "Nhân dân trên địa bàn.");
		body.put("implementers", "Cấp ủy, chính quyền, Mặt trận và các đoàn thể.");
		body.put("resources", "Ngân sách địa phương và xã hội hóa.");
		body.put("timeframe", "Cả năm.");
		body.put("outputs", "Quy chế, sổ theo dõi, báo cáo.");
		body.put("sustainability", "Duy trì hằng năm, nhân rộng.");
		return body;
	}

	private void assertPdfContains(JsonNode nomination, String documentName, String text) throws Exception {
		String url = null;
		for (JsonNode document : nomination.path("documents")) {
			if (documentName.equals(document.path("name").asText())) {
				url = document.path("url").asText();
			}
		}
		assertThat(url).as(documentName + " of " + nomination.path("code").asText()).isNotNull();
		try (var pdf = Loader.loadPDF(http.bytes("drafter", url))) {
			assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ")).contains(text);
		}
	}

	private static JsonNode find(JsonNode rows, String code) {
		for (JsonNode row : rows) {
			if (code.equals(row.path("code").asText())) {
				return row;
			}
		}
		throw new AssertionError("no row " + code + " in " + rows);
	}

	private static String json(Map<String, String> map) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
