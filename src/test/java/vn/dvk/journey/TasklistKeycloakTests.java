package vn.dvk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvk.testsupport.HeadlessChromium;
import vn.dvk.testsupport.KeycloakTestEnvironment;

/**
 * Keycloak tier, in Debian's Chromium: one sign-in on Keycloak's (Vietnamese) page reaches
 * Tasklist, in Vietnamese; the portal's sign-out and Tasklist's own "Đăng xuất" end the Keycloak
 * session. Needs {@code bash .ci/keycloak.sh start} and Chromium; fails without.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "keycloak" })
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

}
