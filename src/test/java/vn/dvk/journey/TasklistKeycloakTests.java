package vn.dvk.journey;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import vn.dvk.testsupport.ApiFixtures;
import vn.dvk.testsupport.HeadlessChromium;
import vn.dvk.testsupport.KeycloakTestEnvironment;

/**
 * Keycloak tier, in Debian's Chromium: one sign-in on Keycloak's (Vietnamese) page reaches
 * Tasklist, in Vietnamese, showing exactly the tasks of the person's Keycloak groups; the portal's
 * sign-out and Tasklist's own "Đăng xuất" end the Keycloak session. Needs {@code bash .ci/keycloak.sh start} and Chromium; fails without.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dvk.demo.enabled=true") // the demo plan (the demo people live in Keycloak)
@ActiveProfiles({ "test", "keycloak" })
@ExtendWith(ThisContextsEngine.class)
class TasklistKeycloakTests {

	static HeadlessChromium chromium;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		KeycloakTestEnvironment.register(registry);
	}

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
	void aReviewerSignsInOnceThroughKeycloakReachesTasklistInVietnameseAndSignsOutEverywhere() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");

			// Keycloak's sign-in page of the realm, in Vietnamese
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer() + "/protocol/openid-connect/auth");
			assertThat(page.content()).contains("Mật khẩu");
			HeadlessChromium.screenshot(page, "keycloak-1-sign-in");
			page.locator("#username").fill("reviewer-tinh");
			page.locator("#password").fill("demo");
			page.locator("#kc-login").click();

			// back in Tasklist, signed in (no second login form), in Vietnamese
			page.getByText("Việc của nhóm tôi").first().waitFor();
			assertThat(page.url()).startsWith("http://127.0.0.1:" + port + "/camunda/app/tasklist/");
			assertThat(page.locator("input[ng-model=\"username\"]").count()).isZero();
			HeadlessChromium.screenshot(page, "keycloak-2-tasklist");

			// the portal knows the same person; its sign-out ends the Keycloak session too
			page.navigate("http://127.0.0.1:" + port + "/");
			page.locator("button:has-text(\"Đăng xuất\")").click();
			page.locator("a:has-text(\"Đăng nhập\")").first().waitFor();
			assertThat(page.url()).isEqualTo("http://127.0.0.1:" + port + "/");
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer());
			HeadlessChromium.screenshot(page, "keycloak-3-signed-out");

			// the portal's "Đăng nhập" link leads to Keycloak's page
			page.navigate("http://127.0.0.1:" + port + "/login");
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer() + "/protocol/openid-connect/auth");
		}
	}

	@Test
	void tasklistsOwnSignOutEndsTheSpringAndTheKeycloakSession() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			String tasklist = "http://127.0.0.1:" + port + "/camunda/app/tasklist/default/";
			page.navigate(tasklist);
			page.locator("#username").fill("reviewer-huyen-cam-lam");
			page.locator("#password").fill("demo");
			page.locator("#kc-login").click();
			page.getByText("Việc của nhóm tôi").first().waitFor();

			// a forged sign-out (no webapp CSRF token) is not DVK's sign-out: the webapps refuse it (and end
			// their own session, as Camunda does); the Keycloak session stays, so Tasklist opens again at once
			String logout = "http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/default/logout";
			assertThat(context.request().post(logout, RequestOptions.create().setMaxRedirects(0)).status())
				.isEqualTo(403);
			page.navigate(tasklist);
			page.getByText("Việc của nhóm tôi").first().waitFor();
			assertThat(page.url()).startsWith(tasklist);

			// Tasklist's own user menu → "Đăng xuất"
			page.locator("li.account .dropdown-toggle").click();
			page.locator("li.logout a").click();
			page.waitForURL(url -> !url.startsWith(tasklist) || url.contains("#/login"));
			HeadlessChromium.screenshot(page, "keycloak-4-tasklist-signed-out");

			// DVK's session is gone (no container-based sign-in again) and so is Keycloak's: its page asks again
			assertThat(context.request()
				.get("http://127.0.0.1:" + port + "/camunda/api/admin/auth/user/default",
						RequestOptions.create().setMaxRedirects(0))
				.status()).isEqualTo(302);
			page.navigate(tasklist);
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer() + "/protocol/openid-connect/auth");
		}
	}

	@Test
	void aReviewerSeesInTasklistExactlyTheReviewTasksOfTheirLevel() {
		// two units register with their Keycloak tokens: a ward under the province, a commune of the legacy district
		String provinceLevel = register("head-phuong-nha-trang", "Mô hình phường " + UUID.randomUUID());
		String districtLevel = register("head-xa-cam-hai-dong", "Mô hình xã " + UUID.randomUUID());

		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
			page.locator("#username").fill("reviewer-tinh");
			page.locator("#password").fill("demo");
			page.locator("#kc-login").click();
			page.getByText("Việc của nhóm tôi").first().click();
			page.getByText(provinceLevel).first().waitFor();
			HeadlessChromium.screenshot(page, "keycloak-5-reviewer-tasks");
			assertThat(page.content()).contains(provinceLevel).doesNotContain(districtLevel);
		}

		// the same through /engine-rest with each one's token: the engine's own authorization checks
		assertThat(taskNames("reviewer-tinh")).anyMatch(n -> n.contains(provinceLevel))
			.noneMatch(n -> n.contains(districtLevel));
		assertThat(taskNames("reviewer-huyen-cam-lam")).anyMatch(n -> n.contains(districtLevel))
			.noneMatch(n -> n.contains(provinceLevel));
		assertThat(taskNames("head-phuong-nha-trang")).noneMatch(n -> n.contains(provinceLevel) || n.contains(districtLevel));
	}

	private RestClient api(String user) {
		String token = KeycloakTestEnvironment.accessToken(user, "demo");
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultHeaders(h -> h.setBearerAuth(token))
			.build();
	}

	private List<String> taskNames(String user) {
		JsonNode tasks = api(user).get()
			.uri("/engine-rest/task?maxResults=200")
			.retrieve()
			.body(JsonNode.class);
		return tasks.findValuesAsText("name");
	}

	private String register(String head, String name) {
		JsonNode plans = api(head).get()
			.uri("/api/plans")
			.retrieve()
			.body(JsonNode.class);
		String plan = ApiFixtures.openPlanReviewedAtEveryLevel(plans);
		Map<String, Object> body = ApiFixtures.registrationBody(plan, name);
		ResponseEntity<Void> created = api(head).post()
			.uri("/api/registrations")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toBodilessEntity();
		assertThat(created.getStatusCode().value()).isEqualTo(201);
		return name;
	}

}
