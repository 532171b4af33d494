package vn.dvk.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright for the browser tests: never a downloaded browser,
 * headless with the flags this machine needs, Vietnamese locale and time zone. Chromium is
 * required: without it the test fails (CI installs it), it does not skip.
 */
public final class HeadlessChromium implements AutoCloseable {

	/** Where the tests save screenshots of their key pages. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Path EXECUTABLE = Path.of(System.getProperty("dvk.chromium", "/usr/bin/chromium"));

	private final Playwright playwright;

	private final Browser browser;

	private HeadlessChromium(Playwright playwright, Browser browser) {
		this.playwright = playwright;
		this.browser = browser;
	}

	public static HeadlessChromium launch() {
		assertThat(EXECUTABLE).as("Debian's Chromium (apt-get install chromium); .ci/run installs it").exists();
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Playwright playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		Browser browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
		return new HeadlessChromium(playwright, browser);
	}

	/** A fresh browser profile, desktop size, Vietnamese locale, Vietnam time. */
	public BrowserContext newContext() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
			.setLocale("vi-VN")
			.setTimezoneId("Asia/Ho_Chi_Minh"));
	}

	/** A fresh browser profile the size of a small phone (360 × 740, touch), Vietnamese, Vietnam time. */
	public BrowserContext newPhoneContext() {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
			.setDeviceScaleFactor(2)
			.setIsMobile(true)
			.setHasTouch(true)
			.setLocale("vi-VN")
			.setTimezoneId("Asia/Ho_Chi_Minh"));
	}

	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
	}

	@Override
	public void close() {
		browser.close();
		playwright.close();
	}

}
