package vn.dvk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dvk.testsupport.KeycloakTestEnvironment;

/**
 * Keycloak tier, in Debian's Chromium: one sign-in on Keycloak's (Vietnamese) page reaches
 * Tasklist, in Vietnamese; the portal's sign-out ends the Keycloak session. Needs {@code bash .ci/keycloak.sh start} and Chromium; fails without.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "keycloak" })
class TasklistKeycloakTests {

	static final Path CHROMIUM = Path.of(System.getProperty("dvk.chromium", "/usr/bin/chromium"));

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static Playwright playwright;

	static Browser browser;

	@DynamicPropertySource
	static void keycloak(DynamicPropertyRegistry registry) {
		KeycloakTestEnvironment.register(registry);
	}

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws Exception {
		assertThat(CHROMIUM).as("Debian's Chromium (apt-get install chromium); .ci/run installs it").exists();
		Files.createDirectories(SCREENSHOTS);
		playwright = Playwright.create(
				new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@Test
	void aReviewerSignsInOnceThroughKeycloakReachesTasklistInVietnameseAndSignsOutEverywhere() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
			.setLocale("vi-VN")
			.setTimezoneId("Asia/Ho_Chi_Minh"))) {
			Page page = context.newPage();
			page.setDefaultTimeout(30_000);
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");

			// Keycloak's sign-in page of the realm, in Vietnamese
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer() + "/protocol/openid-connect/auth");
			assertThat(page.content()).contains("Mật khẩu");
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keycloak-1-sign-in.png")));
			page.locator("#username").fill("reviewer-tinh");
			page.locator("#password").fill("demo");
			page.locator("#kc-login").click();

			// back in Tasklist, signed in (no second login form), in Vietnamese
			page.getByText("Việc của nhóm tôi").first().waitFor();
			assertThat(page.url()).startsWith("http://127.0.0.1:" + port + "/camunda/app/tasklist/");
			assertThat(page.locator("input[ng-model=\"username\"]").count()).isZero();
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keycloak-2-tasklist.png")));

			// the portal knows the same person; its sign-out ends the Keycloak session too
			page.navigate("http://127.0.0.1:" + port + "/");
			page.locator("button:has-text(\"Đăng xuất\")").click();
			page.locator("a:has-text(\"Đăng nhập\")").first().waitFor();
			assertThat(page.url()).isEqualTo("http://127.0.0.1:" + port + "/");
			page.navigate("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/");
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer());
			page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("keycloak-3-signed-out.png")));

			// the portal's "Đăng nhập" link leads to Keycloak's page
			page.navigate("http://127.0.0.1:" + port + "/login");
			page.locator("#username").waitFor();
			assertThat(page.url()).startsWith(KeycloakTestEnvironment.issuer() + "/protocol/openid-connect/auth");
		}
	}

}
