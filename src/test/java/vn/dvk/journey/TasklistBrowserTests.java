package vn.dvk.journey;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import vn.dvk.testsupport.HeadlessChromium;

/**
 * People in Camunda Tasklist, in a real (Debian) Chromium: the approver approves a plan through
 * its Camunda Form; the province's reviewer first tries to return a registration without a
 * reason (refused, in Vietnamese), then accepts it. Screenshots go to target/screenshots/.
 * Chromium is required: without it this test fails (CI installs it), it does not skip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "dvk.demo.enabled=true")
@ActiveProfiles("test")
@ExtendWith(ThisContextsEngine.class)
class TasklistBrowserTests {

	static HeadlessChromium chromium;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() {
		chromium = HeadlessChromium.launch();
	}

	@AfterAll
	static void stopChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void anApproverAndAReviewerDecideThroughTheVietnameseTasklistForms() {
		String title = "Kế hoạch thi đua “Dân vận khéo” trong các khu dân cư";
		String planCode = submitPlan(title);

		try (BrowserContext context = newContext()) {
			Page page = TasklistSteps.signIn(context, port, "approver");
			TasklistSteps.openGroupTask(page, "Phê duyệt kế hoạch: " + title);
			assertThat(page.locator(".fjs-container").innerText()).contains("Ý kiến phê duyệt", planCode);
			shot(page, "1-approver-plan-form");
			TasklistSteps.claim(page);
			page.locator("label:has-text(\"Phê duyệt và ban hành\")").click();
			page.locator("button:has-text(\"Hoàn thành\")").click();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> "REGISTRATION_OPEN".equals(plan(planCode).path("status").asText()));
		}

		String code = register(planCode);
		try (BrowserContext context = newContext()) {
			Page page = TasklistSteps.signIn(context, port, "reviewer-tinh");
			TasklistSteps.openGroupTask(page, "Thẩm định: Mô hình “Khu dân cư không rác thải nhựa”");
			String form = page.locator(".fjs-container").innerText();
			assertThat(form).contains("Phường Nha Trang", "Khả năng duy trì, nhân rộng", "Tiếp nhận");
			shot(page, "2-reviewer-form");
			TasklistSteps.claim(page);
			page.locator("label:has-text(\"Trả lại để chỉnh sửa\")").click();
			page.locator("button:has-text(\"Hoàn thành\")").click();
			// the engine's refusal, in Vietnamese, shown by Tasklist; the task stays open
			page.getByText("biến \"comment\"").first().waitFor();
			shot(page, "3-reviewer-return-refused");
			assertThat(registration(code).path("status").asText()).isEqualTo("IN_REVIEW");
			closeNotifications(page);

			page.locator("label:has-text(\"Tiếp nhận\") input[type=radio]").first().check();
			page.locator("textarea").first().fill("Mô hình thiết thực, đồng ý tiếp nhận.");
			page.locator("button:has-text(\"Hoàn thành\")").click();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> "ACCEPTED".equals(registration(code).path("status").asText()));
			shot(page, "4-reviewer-done");
		}
		JsonNode accepted = registration(code);
		assertThat(accepted.path("history").findValuesAsText("comment"))
			.contains("Mô hình thiết thực, đồng ý tiếp nhận.");
		assertThat(accepted.path("history").findValuesAsText("actor")).contains("reviewer-tinh");
	}

	// ---- browser --------------------------------------------------------------------------------

	/**
	 * The operator's Cockpit and Admin work with the engine's query limit and authorization checks
	 * on: no webapp call is refused while they open their main pages; a unit head is not let in.
	 */
	@Test
	void anOperatorWorksInCockpitAndAdminAndAUnitHeadIsKeptOut() {
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			java.util.List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
			page.onResponse(response -> {
				if (response.url().contains("/camunda/api/") && response.status() >= 400) {
					refused.add(response.status() + " " + response.url());
				}
			});
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/");
			page.locator("input[ng-model=\"username\"]").fill("admin");
			page.locator("input[type=password]").fill("demo");
			page.locator("button[type=submit]").click();
			page.locator(".dashboard, [cam-widget-header], .processes-dashboard").first().waitFor();
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			refused.clear(); // before signing in the webapps ask who is signed in and are told 401/404
			page.reload();
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			for (String path : new String[] { "/camunda/app/cockpit/default/#/processes",
					"/camunda/app/cockpit/default/#/decisions", "/camunda/app/cockpit/default/#/tasks",
					"/camunda/app/admin/default/#/users", "/camunda/app/admin/default/#/groups",
					"/camunda/app/admin/default/#/authorization?resource=0" }) {
				page.navigate("about:blank"); // a full load of each page, not a hash change inside the app
				page.navigate("http://127.0.0.1:" + port + path);
				page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			}
			// the group authorizations created at start-up, as Admin shows them
			page.locator("td:has-text(\"reviewers-tinh\")").first().waitFor();
			HeadlessChromium.screenshot(page, "5-admin-authorizations");
			assertThat(refused).as("webapp calls refused").isEmpty();
		}
		try (BrowserContext context = newContext()) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/cockpit/default/");
			page.locator("input[ng-model=\"username\"]").fill("head-xa-cam-hai-dong");
			page.locator("input[type=password]").fill("demo");
			page.locator("button[type=submit]").click();
			page.locator(".notifications, .alert-danger, .alert-error").first().waitFor();
			assertThat(page.locator("input[ng-model=\"username\"]").isVisible()).as("still at the sign-in form").isTrue();
		}
	}

	private BrowserContext newContext() {
		return chromium.newContext();
	}

	private void closeNotifications(Page page) {
		for (com.microsoft.playwright.Locator close : page.locator(".notifications .close, .notification .close").all()) {
			if (close.isVisible()) {
				close.click();
			}
		}
	}

	private void shot(Page page, String name) {
		HeadlessChromium.screenshot(page, name);
	}

	// ---- API ------------------------------------------------------------------------------------

	private RestClient as(String user) {
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeaders(h -> h.setBasicAuth(user, "demo"))
			.build();
	}

	private String submitPlan(String title) {
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("title", title);
		draft.put("year", Instant.now().atZone(ZoneId.of("Asia/Ho_Chi_Minh")).getYear());
		draft.put("registrationDeadline", Instant.now().plus(25, ChronoUnit.DAYS).toString());
		draft.put("reviewMode", "PROVINCE_ONLY");
		String code = as("drafter").post()
			.uri("/api/plans")
			.contentType(MediaType.APPLICATION_JSON)
			.body(draft)
			.retrieve()
			.body(JsonNode.class)
			.path("code")
			.asText();
		as("drafter").post().uri("/api/plans/{code}/submit", code).retrieve().toBodilessEntity();
		return code;
	}

	private String register(String planCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("planCode", planCode);
		body.put("kind", "MODEL");
		body.put("field", "VAN_HOA_XA_HOI");
		body.put("name", "Mô hình “Khu dân cư không rác thải nhựa”");
		body.put("situation", "Rác thải nhựa ở khu dân cư nhiều, người dân chưa phân loại.");
		body.put("objectives", "Giảm 50% rác thải nhựa trong một năm.");
		body.put("approach", "Tuyên truyền, đổi rác lấy quà, tổ tự quản.");
		body.put("beneficiaries", "Tổ dân phố 5, 300 hộ.");
		body.put("implementers", "Chi hội Phụ nữ, Chi đoàn, Ban công tác Mặt trận.");
		body.put("resources", "Xã hội hóa 20 triệu đồng.");
		body.put("timeframe", "Cả năm.");
		body.put("outputs", "Điểm thu gom, sổ theo dõi.");
		body.put("sustainability", "Nhân rộng ra các tổ dân phố khác.");
		return as("head-phuong-nha-trang").post()
			.uri("/api/registrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(JsonNode.class)
			.path("code")
			.asText();
	}

	private JsonNode plan(String code) {
		return as("drafter").get().uri("/api/plans/{code}", code).retrieve().body(JsonNode.class);
	}

	private JsonNode registration(String code) {
		return as("reviewer-tinh").get().uri("/api/registrations/{code}", code).retrieve().body(JsonNode.class);
	}

}
