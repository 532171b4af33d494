package vn.dvk.journey;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The whole application on embedded PostgreSQL with its real SMTP server, driven over HTTP as
 * people and tools drive it: a plan is returned, revised and approved; a commune of the legacy
 * district registers a model, the district returns it, the unit revises it, the district and the
 * province accept it. Emails are read from the SMTP server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "dvk.mail.dispatcher.fixed-delay=200ms" })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ThisContextsEngine.class)
class ReviewJourneyIntegrationTests {

	static final String HEAD = "head-xa-cam-hai-dong";

	static String planCode;

	static String registrationCode;

	@LocalServerPort
	int port;

	@Autowired
	GreenMail mailServer;

	@Test
	@Order(1)
	void theDemoPlanWasApprovedThroughItsProcessAndIsOpen() {
		JsonNode plans = as("drafter").get().uri("/api/plans").retrieve().body(JsonNode.class);
		JsonNode open = find(plans, p -> "REGISTRATION_OPEN".equals(p.path("status").asText()));
		assertThat(open).as("seeded open plan").isNotNull();
		JsonNode plan = as("drafter").get().uri("/api/plans/{code}", open.path("code").asText())
			.retrieve()
			.body(JsonNode.class);
		assertThat(statuses(plan.path("history"))).contains("IN_APPROVAL", "REGISTRATION_OPEN");
	}

	@Test
	@Order(2)
	void aPlanIsReturnedWithAReasonRevisedApprovedAndPublishedToEveryUnitInScope() {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("title", "Kế hoạch thi đua “Dân vận khéo” chuyên đề chuyển đổi số");
		draft.put("year", Instant.now().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
		draft.put("registrationDeadline", Instant.now().plus(20, ChronoUnit.DAYS).toString());
		draft.put("reminderDaysBefore", 5);
		draft.put("reviewDays", 7);
		draft.put("escalationDays", 14);
		ResponseEntity<JsonNode> created = as("drafter").post()
			.uri("/api/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.body(draft)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		planCode = created.getBody().path("code").asText();
		as("drafter").post().uri("/api/plans/{code}/submit", planCode).retrieve().toBodilessEntity();
		assertThat(plan().path("status").asText()).isEqualTo("IN_APPROVAL");

		String approval = onlyTask("approver", planCode, "UserTask_ApprovePlan");
		// the contract: RETURN needs a comment; the task stays open and nothing changes
		ResponseEntity<JsonNode> refused = complete("approver", approval, "RETURN", null);
		assertThat(refused.getStatusCode().is4xxClientError()).as("RETURN without comment").isTrue();
		assertThat(refused.getBody().toString()).contains("ý kiến");
		assertThat(complete("approver", approval, "MAYBE", "?").getStatusCode().is4xxClientError()).isTrue();
		assertThat(onlyTask("approver", planCode, "UserTask_ApprovePlan")).isEqualTo(approval);

		assertThat(complete("approver", approval, "RETURN", "Bổ sung căn cứ pháp lý.").getStatusCode().value())
			.isEqualTo(204);
		assertThat(plan().path("status").asText()).isEqualTo("RETURNED");
		onlyTask("drafter", planCode, "UserTask_RevisePlan");

		draft.put("legalBasisNumber", "35-CT/TU");
		draft.put("legalBasisDate", "2022-11-02");
		as("drafter").put()
			.uri("/api/plans/{code}", planCode)
			.contentType(MediaType.APPLICATION_JSON)
			.body(draft)
			.retrieve()
			.toBodilessEntity();
		as("drafter").post().uri("/api/plans/{code}/submit", planCode).retrieve().toBodilessEntity();
		assertThat(complete("approver", onlyTask("approver", planCode, "UserTask_ApprovePlan"), "APPROVE", null)
			.getStatusCode()
			.value()).isEqualTo(204);

		JsonNode plan = plan();
		assertThat(plan.path("status").asText()).isEqualTo("REGISTRATION_OPEN");
		assertThat(statuses(plan.path("history"))).containsSubsequence("IN_APPROVAL", "RETURNED", "IN_APPROVAL",
				"REGISTRATION_OPEN");
		MimeMessage published = awaitMail(HEAD, "Kế hoạch thi đua “Dân vận khéo” chuyên đề chuyển đổi số");
		assertThat(subject(published)).startsWith("Ban hành Kế hoạch " + planCode + ": ");
		awaitMail("head-phuong-nha-trang", "chuyển đổi số");
		awaitMail("head-so-y-te", "chuyển đổi số");
	}

	@Test
	@Order(3)
	void aCommuneOfTheLegacyDistrictRegistersOnceEvenWhenTheRequestIsRepeated() {
		Map<String, Object> body = registration("Mô hình “Chợ cá an toàn, văn minh”");
		ResponseEntity<JsonNode> first = register(body, "journey-1");
		ResponseEntity<JsonNode> again = register(body, "journey-1");
		assertThat(first.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getStatusCode().value()).isEqualTo(200);
		registrationCode = first.getBody().path("code").asText();
		assertThat(again.getBody().path("code").asText()).isEqualTo(registrationCode);
		assertThat(registrationCode).matches("DK-\\d{4}-\\d{6}");
		assertThat(registrationAs(HEAD).path("status").asText()).isEqualTo("IN_REVIEW");

		// another unit's head neither sees nor changes it
		assertThat(as("head-phuong-nha-trang").get()
			.uri("/api/registrations/{code}", registrationCode)
			.exchange((req, res) -> res.getStatusCode())
			.value()).isEqualTo(404);
		assertThat(as("head-phuong-nha-trang").post()
			.uri("/api/registrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(withUnit(body, HEAD.substring("head-".length())))
			.exchange((req, res) -> res.getStatusCode())
			.value()).isEqualTo(403);

		awaitMail(HEAD, registrationCode);
		// the district reviews first; the province has nothing yet
		List<String> districtTasks = tasks("reviewer-huyen-cam-lam", registrationCode);
		assertThat(districtTasks).hasSize(1);
		assertThat(tasks("reviewer-tinh", registrationCode)).isEmpty();

		// a file added while the district reviews appears in the review form at once
		MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
		upload.add("file", new ByteArrayResource("%PDF-1.4\n%%EOF\n".getBytes()) {
			@Override
			public String getFilename() {
				return "biên-bản-họp-dân.pdf";
			}
		});
		assertThat(as(HEAD).post()
			.uri("/api/registrations/{code}/attachments", registrationCode)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(upload)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(201);
		JsonNode links = as("reviewer-huyen-cam-lam").get()
			.uri("/engine-rest/task/{id}/variables/attachmentLinks", districtTasks.get(0))
			.retrieve()
			.body(JsonNode.class);
		assertThat(links.path("value").asText()).contains("biên-bản-họp-dân.pdf", "/registrations/" + registrationCode
				+ "/attachments/");
		awaitMail("reviewer-huyen-cam-lam", "Chợ cá an toàn");
	}

	@Test
	@Order(4)
	void theDistrictReturnsItTheUnitRevisesItAndBothLevelsAcceptIt() {
		String districtTask = tasks("reviewer-huyen-cam-lam", registrationCode).get(0);
		assertThat(complete("reviewer-huyen-cam-lam", districtTask, "RETURN", "Làm rõ nguồn lực thực hiện.")
			.getStatusCode()
			.value()).isEqualTo(204);
		assertThat(registrationAs(HEAD).path("status").asText()).isEqualTo("RETURNED");
		MimeMessage returned = awaitMail(HEAD, "trả lại");
		assertThat(body(returned)).contains("Làm rõ nguồn lực thực hiện.");

		Map<String, Object> revised = registration("Mô hình “Chợ cá an toàn, văn minh”");
		revised.put("resources", "Ngân sách xã 50 triệu đồng; hội viên Hội Phụ nữ đóng góp ngày công.");
		ResponseEntity<JsonNode> put = as(HEAD).put()
			.uri("/api/registrations/{code}", registrationCode)
			.contentType(MediaType.APPLICATION_JSON)
			.body(revised)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(put.getStatusCode().value()).isEqualTo(200);
		assertThat(registrationAs(HEAD).path("status").asText()).isEqualTo("IN_REVIEW");

		approve("reviewer-huyen-cam-lam");
		assertThat(registrationAs(HEAD).path("status").asText()).isEqualTo("IN_REVIEW");
		approve("reviewer-tinh");

		JsonNode accepted = registrationAs(HEAD);
		assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
		assertThat(accepted.path("resources").asText()).startsWith("Ngân sách xã 50 triệu đồng");
		List<String> actions = accepted.path("history").findValuesAsText("action");
		assertThat(actions).containsSubsequence("SUBMITTED", "RETURNED", "REVISED", "APPROVED", "APPROVED",
				"ACCEPTED");
		assertThat(accepted.path("history").findValuesAsText("actor")).contains("reviewer-huyen-cam-lam",
				"reviewer-tinh");
		awaitMail(HEAD, "tiếp nhận");
	}

	private void approve(String reviewer) {
		List<String> open = tasks(reviewer, registrationCode);
		assertThat(open).as("open review task of " + reviewer).hasSize(1);
		assertThat(complete(reviewer, open.get(0), "APPROVE", "Đồng ý.").getStatusCode().value()).isEqualTo(204);
	}

	// ---- HTTP helpers -------------------------------------------------------------------------

	private RestClient as(String user) {
		return http().as(user);
	}

	private JourneyClient http() {
		return new JourneyClient(port, mailServer);
	}

	private JsonNode plan() {
		return as("drafter").get().uri("/api/plans/{code}", planCode).retrieve().body(JsonNode.class);
	}

	private JsonNode registrationAs(String user) {
		return as(user).get().uri("/api/registrations/{code}", registrationCode).retrieve().body(JsonNode.class);
	}

	private ResponseEntity<JsonNode> register(Map<String, Object> body, String key) {
		return as(HEAD).post()
			.uri("/api/registrations")
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private Map<String, Object> registration(String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", "MODEL");
		body.put("field", "KINH_TE");
		body.put("name", name);
		body.put("situation", "Chợ cá tự phát, mất vệ sinh, ùn tắc giao thông vào buổi sáng.");
		body.put("objectives", "Chợ sạch, bán đúng chỗ, không lấn chiếm lòng đường.");
		body.put("approach", "Vận động tiểu thương ký cam kết; tổ tự quản luân phiên.");
		body.put("beneficiaries", "Thôn Bãi Giếng, 120 hộ tiểu thương.");
		body.put("implementers", "Mặt trận, Hội Phụ nữ, Đoàn Thanh niên xã.");
		body.put("resources", "Ngân sách xã và đóng góp của tiểu thương.");
		body.put("timeframe", "Từ tháng 3 đến tháng 11.");
		body.put("outputs", "Quy chế chợ, tổ tự quản, bản cam kết.");
		body.put("sustainability", "Nhân rộng ra các chợ trong huyện.");
		return body;
	}

	private static Map<String, Object> withUnit(Map<String, Object> body, String unitCode) {
		Map<String, Object> copy = new LinkedHashMap<>(body);
		copy.put("unitCode", unitCode);
		return copy;
	}

	/** Task ids of the registration's open review tasks that the user may work on. */
	private List<String> tasks(String user, String businessKey) {
		return http().tasks(user, businessKey, "UserTask_ReviewRegistration");
	}

	private String onlyTask(String user, String businessKey, String taskDefinitionKey) {
		return http().onlyTask(user, businessKey, taskDefinitionKey);
	}

	private ResponseEntity<JsonNode> complete(String user, String taskId, String decision, String comment) {
		return http().decide(user, taskId, decision, comment);
	}

	private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
		for (JsonNode node : array) {
			if (test.test(node)) {
				return node;
			}
		}
		return null;
	}

	private static List<String> statuses(JsonNode history) {
		return history.findValuesAsText("status");
	}

	// ---- mail helpers -------------------------------------------------------------------------

	private MimeMessage awaitMail(String userId, String subjectPart) {
		return http().awaitMail(userId, subjectPart);
	}

	private static String subject(MimeMessage message) {
		return JourneyClient.subject(message);
	}

	private static String body(MimeMessage message) {
		try {
			return com.icegreen.greenmail.util.GreenMailUtil.getBody(message).isEmpty() ? ""
					: new String(message.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
