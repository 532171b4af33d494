package vn.dvk.security;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import vn.dvk.testsupport.HeadlessChromium;
import vn.dvk.testsupport.KeycloakAdmin;
import vn.dvk.testsupport.KeycloakTestEnvironment;

/**
 * Keycloak tier (needs {@code bash .ci/keycloak.sh start} and Chromium; fails without): a person
 * disabled in Keycloak loses their bearer token on {@code /api} and {@code /engine-rest} and their
 * browser sessions (portal and Tasklist) within {@code dvk.keycloak.user-check-interval} (2 s here),
 * and cannot sign in again; a deleted person likewise. The test creates its own user and deletes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dvk.keycloak.user-check-interval=" + DisabledUserKeycloakTests.INTERVAL_MS + "ms")
@ActiveProfiles({ "test", "keycloak" })
@ExtendWith(ThisContextsEngine.class)
class DisabledUserKeycloakTests {

	static final long INTERVAL_MS = 2000;

	/** Time for the request itself on a busy machine, on top of the interval. */
	private static final long SLACK_MS = 1500;

	private static final Logger log = LoggerFactory.getLogger(DisabledUserKeycloakTests.class);

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

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private ResponseEntity<JsonNode> get(String uri, String token) {
		return RestClient.builder().baseUrl(base()).build().get().uri(uri).headers(h -> h.setBearerAuth(token))
			.exchange((req, res) -> {
				byte[] body = res.getBody().readAllBytes();
				JsonNode json = body.length == 0 ? null : KeycloakTestEnvironment.JSON.readTree(body);
				return ResponseEntity.status(res.getStatusCode()).headers(res.getHeaders()).body(json);
			});
	}

	/** Signs in on Keycloak's page, starting from {@code path}; returns when DVK has the browser back. */
	private void signIn(Page page, String path, String username, String password) {
		page.navigate(base() + path);
		page.locator("#username").waitFor();
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#kc-login").click();
		page.waitForURL(url -> url.startsWith(base()));
	}

	/** Status of a session request, redirects not followed (302 = sent to the sign-in page). */
	private static int sessionStatus(BrowserContext context, String url) {
		APIResponse response = context.request().get(url, RequestOptions.create().setMaxRedirects(0));
		return response.status();
	}

	private static boolean sentToSignIn(BrowserContext context, String url) {
		APIResponse response = context.request().get(url, RequestOptions.create().setMaxRedirects(0));
		return response.status() == 302 && response.headers().getOrDefault("location", "")
			.endsWith("/oauth2/authorization/" + KeycloakSecurityConfiguration.REGISTRATION_ID);
	}

	/**
	 * Polls every check until each has been refused once; returns, per check, the milliseconds after
	 * {@code since} at which it was first refused (the checks still accepted are missing).
	 */
	private static Map<String, Long> firstRefusals(Map<String, BooleanSupplier> refused,
			long since, long deadlineMs) throws InterruptedException {
		Map<String, Long> at = new LinkedHashMap<>();
		while (at.size() < refused.size() && System.nanoTime() - since < deadlineMs * 1_000_000) {
			for (var check : refused.entrySet()) {
				if (!at.containsKey(check.getKey()) && check.getValue().getAsBoolean()) {
					at.put(check.getKey(), (System.nanoTime() - since) / 1_000_000);
				}
			}
			Thread.sleep(100);
		}
		return at;
	}

	@Test
	void aDisabledUserIsRefusedEverywhereWithinTheIntervalAndCannotSignInAgain() throws Exception {
		KeycloakAdmin admin = KeycloakAdmin.signIn();
		String username = "tam-khoa-" + UUID.randomUUID().toString().substring(0, 8);
		String password = UUID.randomUUID().toString();
		String userId = admin.createUser(username, password, "Trần Thị", "Khóa");
		try (BrowserContext tasklist = chromium.newContext(); BrowserContext portal = chromium.newContext()) {
			// a bearer token, a Tasklist session and a portal session (two browsers: two sessions)
			String token = KeycloakTestEnvironment.accessToken(username, password);
			assertThat(get("/api/registrations", token).getStatusCode().value()).isEqualTo(200);
			assertThat(get("/engine-rest/task?maxResults=50", token).getStatusCode().value()).isEqualTo(200);
			Page tasklistPage = tasklist.newPage();
			tasklistPage.setDefaultTimeout(30_000);
			signIn(tasklistPage, "/camunda/app/tasklist/default/", username, password);
			String webappUser = base() + "/camunda/api/admin/auth/user/default";
			assertThat(sessionStatus(tasklist, webappUser)).isEqualTo(200);
			Page portalPage = portal.newPage();
			portalPage.setDefaultTimeout(30_000);
			signIn(portalPage, "/login", username, password);
			// a portal page only signed-in people reach (404: no such plan, but not sent to sign in)
			String portalPageUrl = base() + "/plans/KHONG-CO";
			assertThat(sentToSignIn(portal, portalPageUrl)).isFalse();

			admin.setEnabled(userId, false);
			long disabledAt = System.nanoTime();
			Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
			checks.put("/api token", () -> get("/api/registrations", token).getStatusCode().value() == 401);
			checks.put("/engine-rest token", () -> get("/engine-rest/task?maxResults=50", token).getStatusCode().value() == 401);
			checks.put("Tasklist session", () -> sentToSignIn(tasklist, webappUser));
			checks.put("portal session", () -> sentToSignIn(portal, portalPageUrl));
			Map<String, Long> refusedAfter = firstRefusals(checks, disabledAt, INTERVAL_MS + SLACK_MS);
			log.info("Disabled user {} refused after (ms, interval {} ms): {}", username, INTERVAL_MS, refusedAfter);
			assertThat(refusedAfter).as("refused within %d ms", INTERVAL_MS + SLACK_MS).containsOnlyKeys(checks.keySet());

			// the refusal is a Vietnamese problem+json with an invalid_token challenge
			ResponseEntity<JsonNode> refused = get("/engine-rest/task?maxResults=50", token);
			assertThat(refused.getStatusCode().value()).isEqualTo(401);
			assertThat(refused.getHeaders().getContentType()).isNotNull()
				.matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
			assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
			assertThat(refused.getBody().path("detail").asText()).contains("đã bị khóa");

			// no new token, and the browser is not let back in
			LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("grant_type", "password");
			form.add("client_id", "dvk-cli");
			form.add("username", username);
			form.add("password", password);
			JsonNode denied = RestClient.create()
				.post()
				.uri(KeycloakTestEnvironment.issuer() + "/protocol/openid-connect/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.exchange((req, res) -> {
					assertThat(res.getStatusCode().is4xxClientError()).isTrue();
					return KeycloakTestEnvironment.JSON.readTree(res.getBody());
				});
			assertThat(denied.path("error").asText()).isEqualTo("invalid_grant");
			tasklistPage.navigate(base() + "/camunda/app/tasklist/default/");
			tasklistPage.waitForURL(url -> url.startsWith(KeycloakTestEnvironment.url()));
			if (tasklistPage.locator("#username").isVisible()) {
				tasklistPage.locator("#username").fill(username);
				tasklistPage.locator("#password").fill(password);
				tasklistPage.locator("#kc-login").click();
				tasklistPage.waitForLoadState();
			}
			HeadlessChromium.screenshot(tasklistPage, "keycloak-disabled-user");
			assertThat(tasklistPage.url()).startsWith(KeycloakTestEnvironment.url());
			assertThat(sessionStatus(tasklist, webappUser)).isNotEqualTo(200);

			// enabled again: the same token is accepted at once (a "no" is never kept)
			admin.setEnabled(userId, true);
			assertThat(get("/api/registrations", token).getStatusCode().value()).isEqualTo(200);

			// deleted: refused within the interval as well
			admin.deleteUser(userId);
			long deletedAt = System.nanoTime();
			Map<String, BooleanSupplier> tokenCheck = Map.of("/api token",
					() -> get("/api/registrations", token).getStatusCode().value() == 401);
			Map<String, Long> deletedRefusedAfter = firstRefusals(tokenCheck, deletedAt, INTERVAL_MS + SLACK_MS);
			log.info("Deleted user {} refused after (ms): {}", username, deletedRefusedAfter);
			assertThat(deletedRefusedAfter).containsOnlyKeys("/api token");
		}
		finally {
			admin.deleteUser(userId);
		}
	}

}
