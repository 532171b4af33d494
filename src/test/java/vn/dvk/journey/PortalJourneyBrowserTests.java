package vn.dvk.journey;

import vn.dvk.testsupport.ThisContextsEngine;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import vn.dvk.testsupport.HeadlessChromium;
import vn.dvk.testsupport.PageQuality;

/**
 * The season as people click through it, in Debian's Chromium: a commune's unit head registers a
 * model on a phone (360 px) with an attachment; the district reviewer returns it in Tasklist (in
 * Vietnamese); the head revises and resubmits it; the district and the province accept it; the
 * head files the result report; the council assesses it on the portal and the chair confirms the
 * outcome in Tasklist; the public register shows it; the specialist downloads the summary. Every
 * portal page on the way is checked for width, labels, dates and stack traces. Screenshots of the
 * key pages go to target/screenshots/ (docs/screenshots/ holds a copy for the README).
 * <p>
 * Its own application context (the distinct property), so that Tasklist and {@code /engine-rest}
 * find this context's engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dvk.demo.enabled=true", "dvk.test.context=portal-journey",
				"dvk.mail.dispatcher.fixed-delay=200ms" })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ThisContextsEngine.class)
class PortalJourneyBrowserTests {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	static final String HEAD = "head-xa-cam-hai-dong";

	static final String MODEL = "Mô hình “Tổ tự quản đường làng sáng – xanh – sạch”";

	static HeadlessChromium chromium;

	static String planCode;

	static String planTitle;

	static String code;

	static String sessionKey;

	/** The page a step is on, shot and printed when the step fails. */
	static Page current;

	@LocalServerPort
	int port;

	@Autowired
	GreenMail mailServer;

	JourneyClient http;

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

	@BeforeEach
	void client() {
		http = new JourneyClient(port, mailServer);
	}

	@Test
	@Order(1)
	void aPlanWithSeasonDatesIsOpenForRegistration() {
		Instant now = Instant.now();
		planTitle = "Kế hoạch thi đua “Dân vận khéo” ở thôn, tổ dân phố năm " + now.atZone(VIETNAM).getYear();
		Map<String, Object> draft = new LinkedHashMap<>();
		draft.put("title", planTitle);
		draft.put("year", now.atZone(VIETNAM).getYear());
		draft.put("registrationDeadline", now.plus(2, ChronoUnit.DAYS).toString());
		ResponseEntity<JsonNode> created = http.post("drafter", "/api/plans", draft);
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		planCode = created.getBody().path("code").asText();
		JsonNode rules = http.get("drafter", "/api/plans/{code}/rules", planCode);
		ObjectNode update = rules.deepCopy();
		ObjectNode season = update.putObject("season");
		season.put("evaluationOpensAt", now.plus(3, ChronoUnit.DAYS).toString());
		season.put("resultReportDeadline", now.plus(10, ChronoUnit.DAYS).toString());
		season.put("councilSessionAt", now.plus(12, ChronoUnit.DAYS).toString());
		season.put("awardDossierDeadline", now.plus(15, ChronoUnit.DAYS).toString());
		season.put("summaryDate", LocalDate.now(VIETNAM).plusDays(30).toString());
		update.remove(List.of("planCode", "defaults", "scored"));
		assertThat(http.put("drafter", "/api/plans/{code}/rules", update, planCode).getStatusCode().value())
			.isEqualTo(200);
		http.post("drafter", "/api/plans/{code}/submit", null, planCode);
		http.decide("approver", http.onlyTask("approver", planCode, "UserTask_ApprovePlan"), "APPROVE", null);
		assertThat(http.get("drafter", "/api/plans/{code}", planCode).path("status").asText())
			.isEqualTo("REGISTRATION_OPEN");
	}

	@Test
	@Order(2)
	void aUnitHeadRegistersAModelWithAnAttachmentOnAPhone() {
		browse(true, context -> {
			Page page = signIn(context, HEAD);
			page.navigate(url("/unit"));
			check(page, "01-unit-home-phone");
			Locator planRow = page.locator("tr", new Page.LocatorOptions().setHasText(planCode));
			planRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Đăng ký mô hình")).click();

			page.getByLabel("Lĩnh vực").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
			page.getByLabel("Mô hình mới", new Page.GetByLabelOptions().setExact(true)).check();
			fillItems(page, "");
			check(page, "02-registration-form-phone");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu nháp")).click();

			page.getByText("Đã lưu bản nháp").first().waitFor();
			code = page.url().replaceAll(".*/registrations/([^/?#]+).*", "$1");
			assertThat(code).startsWith("DK-");
			assertThat(registration().path("status").asText()).isEqualTo("DRAFT");

			// an attachment of a type the server refuses is stopped in the page, before upload
			page.locator("input[type=file]")
				.first()
				.setInputFiles(new FilePayload("chuong-trinh.exe", "application/octet-stream", new byte[] { 1, 2 }));
			page.getByText("chuong-trinh.exe: loại tệp không được chấp nhận").first().waitFor();
			// dropped onto the upload box, sent with a progress bar
			page.locator("[data-dvk-upload]").first().evaluate("""
					(box, text) => {
					  const files = new DataTransfer();
					  files.items.add(new File([text], 'ke-hoach-to-tu-quan.pdf', { type: 'application/pdf' }));
					  box.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
					}""", new String(pdf(), StandardCharsets.US_ASCII));
			page.getByText("ke-hoach-to-tu-quan.pdf: đã tải lên.").first().waitFor();
			assertThat(page.locator("[data-dvk-upload] .progress-bar").first().getAttribute("style")).contains("100%");
			assertThat(registration().path("attachments").findValuesAsText("fileName"))
				.containsExactly("ke-hoach-to-tu-quan.pdf");
			check(page, "03-registration-draft-phone");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chỉnh sửa bản nháp")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi đăng ký")).click();
			page.getByText("Đã gửi bản đăng ký " + code).first().waitFor();
			check(page, "04-registration-submitted-phone");
		});
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "IN_REVIEW".equals(registration().path("status").asText()));
	}

	@Test
	@Order(3)
	void theDistrictReviewerReturnsItInTasklistWithAReason() {
		browse(false, context -> {
			Page page = TasklistSteps.signIn(context, port, "reviewer-huyen-cam-lam");
			current = page;
			TasklistSteps.openGroupTask(page, "Thẩm định: " + MODEL + " — Xã Cam Hải Đông");
			Locator link = page.locator(".fjs-container a", new Page.LocatorOptions().setHasText("Mở trang đăng ký"));
			assertThat(link.getAttribute("href")).isEqualTo("/registrations/" + code);
			TasklistSteps.claim(page);
			page.locator("label:has-text(\"Trả lại để chỉnh sửa\")").click();
			page.locator("textarea").first().fill("Đề nghị bổ sung số hộ tham gia và kinh phí dự kiến.");
			shot(page, "05-tasklist-return");
			page.locator("button:has-text(\"Hoàn thành\")").click();
		});
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "RETURNED".equals(registration().path("status").asText()));
	}

	@Test
	@Order(4)
	void theHeadRevisesTheReturnedRegistrationAndResubmitsIt() {
		browse(false, context -> {
			Page page = signIn(context, HEAD);
			page.navigate(url("/unit"));
			Locator todo = page.locator("section[aria-labelledby=todo-heading] li", new Page.LocatorOptions().setHasText(code)).first();
			assertThat(todo.innerText()).contains("Đề nghị bổ sung số hộ tham gia");
			check(page, "06-unit-home-returned");
			todo.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Chỉnh sửa")).first().click();
			page.getByLabel("Địa bàn, đối tượng").fill("Thôn Thủy Triều, 320 hộ, 1.250 nhân khẩu.");
			page.getByLabel("Nguồn lực").fill("Nhân dân đóng góp 30 triệu đồng, xã hỗ trợ 20 triệu đồng.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi lại để thẩm định")).click();
			page.getByText("Đã gửi lại bản đăng ký " + code).first().waitFor();
			check(page, "07-registration-resubmitted");
		});
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "IN_REVIEW".equals(registration().path("status").asText()));
	}

	@Test
	@Order(5)
	void theDistrictAndTheProvinceAcceptItInTasklist() {
		for (String reviewer : List.of("reviewer-huyen-cam-lam", "reviewer-tinh")) {
			browse(false, context -> {
				Page page = TasklistSteps.signIn(context, port, reviewer);
				current = page;
				TasklistSteps.openGroupTask(page, "Thẩm định: " + MODEL);
				TasklistSteps.claim(page);
				page.locator("label:has-text(\"Tiếp nhận\") input[type=radio], label:has-text(\"Đồng ý\") input[type=radio]")
					.first()
					.check();
				page.locator("textarea").first().fill("Mô hình thiết thực, đồng ý.");
				shot(page, "08-tasklist-accept-" + reviewer);
				page.locator("button:has-text(\"Hoàn thành\")").click();
				page.locator(".tasks-list").getByText("Thẩm định: " + MODEL).first().waitFor(
						new Locator.WaitForOptions().setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
			});
		}
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "ACCEPTED".equals(registration().path("status").asText()));
	}

	@Test
	@Order(6)
	void afterTheDeadlineTheHeadFilesTheResultReport() {
		http.fireTimer("PlanIssuanceProcess", planCode, "TimerEvent_RegistrationDeadline");
		http.fireTimer("PlanIssuanceProcess", planCode, "TimerEvent_EvaluationOpens");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "EVALUATION".equals(http.get("drafter", "/api/plans/{code}", planCode).path("status").asText()));
		browse(false, context -> {
			Page page = signIn(context, HEAD);
			page.navigate(url("/unit"));
			Locator todo = page.locator("section[aria-labelledby=todo-heading] li", new Page.LocatorOptions().setHasText(code)).first();
			todo.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Nộp báo cáo")).first().click();
			page.getByLabel("Kết quả đạt được").fill("320 hộ tham gia; đường làng được chiếu sáng, trồng 2 km hoa.");
			page.getByLabel("Sản phẩm đầu ra").fill("Quy chế tổ tự quản, sổ theo dõi, 2 km đường hoa.");
			for (Locator met : page.locator("input[type=radio][value=true]").all()) {
				met.check();
			}
			for (Locator evidence : page.locator("textarea[name$='.evidence']").all()) {
				evidence.fill("Biên bản họp thôn, ảnh trước và sau.");
			}
			check(page, "09-result-report");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nộp báo cáo")).click();
			page.getByText("Đã nộp báo cáo kết quả").first().waitFor();
		});
		assertThat(registration().path("status").asText()).isEqualTo("REPORTED");
	}

	@Test
	@Order(7)
	void theCouncilRecognisesItOnThePortalAndTheChairConfirmsInTasklist() {
		browse(false, context -> {
			Page page = signIn(context, "drafter");
			page.navigate(url("/season/plans/" + planCode + "/board"));
			check(page, "10-season-board");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lập phiên bình xét")).click();
			page.getByText("Đã lập phiên bình xét").first().waitFor();
			sessionKey = page.url().replaceAll(".*/recognition-sessions/([^/?#]+).*", "$1");
		});
		assertThat(sessionKey).startsWith(planCode);
		for (String member : List.of("council1", "council2", "council3")) {
			browse(false, context -> {
				Page page = signIn(context, member);
				page.navigate(url("/recognition-sessions/" + sessionKey));
				Locator form = page.locator("form", new Page.LocatorOptions().setHas(page.locator("input[name=registrationCode][value='" + code + "']")));
				for (Locator met : form.locator("input[type=checkbox][name=met]").all()) {
					met.check();
				}
				if (member.equals("council1")) {
					check(page, "11-council-assessment");
				}
				form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Lưu đánh giá")).click();
				page.getByText("Đồng chí đã đánh giá ngày").first().waitFor();
			});
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !http.tasks("approver", sessionKey, "UserTask_ConfirmOutcomes").isEmpty());
		browse(false, context -> {
			Page page = TasklistSteps.signIn(context, port, "approver");
			current = page;
			TasklistSteps.openGroupTask(page, "Xác nhận kết quả bình xét: " + sessionKey);
			TasklistSteps.claim(page);
			shot(page, "12-tasklist-confirm-outcomes");
			page.locator("button:has-text(\"Hoàn thành\")").click();
		});
		await().atMost(Duration.ofSeconds(30))
			.until(() -> registration().path("status").asText().startsWith("RECOGNIZED"));
	}

	@Test
	@Order(8)
	void thePublicRegisterShowsTheRecognisedModelToAnyone() {
		browse(true, context -> {
			Page page = context.newPage();
			current = page;
			page.setDefaultTimeout(30_000);
			page.navigate(url("/public/models"));
			page.getByLabel("Tên mô hình").fill("to tu quan duong lang");
			page.getByLabel("Tên mô hình").press("Enter");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(MODEL)).first().waitFor();
			check(page, "13-public-register-phone");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(MODEL)).first().click();
			page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(MODEL)).first().waitFor();
			assertThat(page.locator("main").innerText()).contains("Xã Cam Hải Đông", "Thôn Thủy Triều, 320 hộ")
				.doesNotContain("ke-hoach-to-tu-quan.pdf", "Đề nghị bổ sung");
			check(page, "14-public-model-phone");
			page.navigate(url("/public/figures"));
			page.locator("canvas").first().waitFor();
			assertThat(page.locator("table").count()).isGreaterThanOrEqualTo(4);
			check(page, "15-public-figures-phone");
		});
		browse(false, context -> {
			Page page = context.newPage();
			current = page;
			page.navigate(url("/public/figures"));
			page.locator("canvas").first().waitFor();
			page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
			check(page, "16-public-figures");
		});
	}

	@Test
	@Order(9)
	void theSpecialistDownloadsTheSummary() throws Exception {
		java.nio.file.Path saved = HeadlessChromium.SCREENSHOTS.resolve("portal-summary.xlsx");
		browse(false, context -> {
			Page page = signIn(context, "drafter");
			page.navigate(url("/season"));
			check(page, "17-season");
			page.navigate(url("/season/plans/" + planCode + "/exports"));
			check(page, "18-season-exports");
			com.microsoft.playwright.Download download = page.waitForDownload(() -> page
				.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tải báo cáo tổng kết (Excel)"))
				.click());
			download.saveAs(saved);
		});
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(saved))) {
			StringBuilder text = new StringBuilder();
			workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> text.append(cell.toString()).append(' ')));
			assertThat(text.toString()).contains(planCode);
		}
	}

	@Test
	@Order(10)
	void theUnitHeadSeesTheRecognitionAndDownloadsTheDecision() {
		browse(true, context -> {
			Page page = signIn(context, HEAD);
			page.navigate(url("/unit/recognitions"));
			Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(MODEL)).first();
			assertThat(row.innerText()).containsPattern("\\d+/QĐ-BTGDV");
			check(page, "19-unit-recognitions-phone");
			// the PDF opens in the browser's viewer: fetch the link with the page's session instead
			String href = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("PDF").setExact(false))
				.first()
				.getAttribute("href");
			com.microsoft.playwright.APIResponse pdf = page.request().get(url(href));
			assertThat(pdf.status()).isEqualTo(200);
			assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
			assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		});
	}

	// ---- steps ----------------------------------------------------------------------------------

	/** Steps in a fresh browser profile; on failure the page they were on is shot and printed. */
	private void browse(boolean phone, java.util.function.Consumer<BrowserContext> steps) {
		try (BrowserContext context = phone ? chromium.newPhoneContext() : chromium.newContext()) {
			List<String> trouble = new java.util.concurrent.CopyOnWriteArrayList<>();
			context.onConsoleMessage(m -> {
				if (m.type().equals("error") || m.type().equals("warning")) {
					trouble.add("console " + m.type() + ": " + m.text());
				}
			});
			context.onResponse(r -> {
				if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
					trouble.add(r.status() + " " + r.request().method() + " " + r.url());
				}
			});
			context.onPage(p -> p.onPageError(e -> trouble.add("page error: " + e)));
			try {
				steps.accept(context);
			}
			catch (RuntimeException | AssertionError ex) {
				if (current != null && !current.isClosed()) {
					shot(current, "failed");
					System.err.println("Failed on " + current.url() + ":\n" + current.locator("body").innerText());
				}
				System.err.println("Browser trouble: " + trouble);
				throw ex;
			}
		}
	}

	private void fillItems(Page page, String suffix) {
		page.getByLabel("Tên mô hình").fill(MODEL);
		Map<String, String> items = new LinkedHashMap<>();
		items.put("Thực trạng, lý do", "Đường làng tối, rác thải chưa được thu gom thường xuyên.");
		items.put("Mục tiêu, tiêu chí", "100% tuyến đường có đèn, rác được thu gom hằng tuần.");
		items.put("Nội dung, cách thức", "Thành lập tổ tự quản, họp dân, ra quân ngày Chủ nhật xanh.");
		items.put("Địa bàn, đối tượng", "Thôn Thủy Triều, 300 hộ.");
		items.put("Lực lượng thực hiện", "Chi hội Phụ nữ, Chi đoàn, Chi hội Cựu chiến binh.");
		items.put("Nguồn lực", "Nhân dân đóng góp và xã hội hóa.");
		items.put("Thời gian", "Từ tháng 3 đến tháng 11.");
		items.put("Sản phẩm đầu ra", "Hệ thống đèn, đường hoa, quy chế tổ tự quản.");
		items.put("Khả năng duy trì, nhân rộng", "Nhân rộng ra các thôn khác của xã.");
		items.forEach((label, value) -> page.getByLabel(label, new Page.GetByLabelOptions().setExact(false))
			.first()
			.fill(value + suffix));
	}

	private Page signIn(BrowserContext context, String user) {
		Page page = context.newPage();
		current = page;
		page.setDefaultTimeout(30_000);
		page.navigate(url("/login"));
		page.getByLabel("Tên đăng nhập").fill(user);
		page.getByLabel("Mật khẩu").fill("demo");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng nhập")).click();
		page.waitForURL(u -> !u.contains("/login"));
		return page;
	}

	/** The page passes the quality checks, and its screenshot is kept. */
	private void check(Page page, String name) {
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
		PageQuality.assertGood(page);
		shot(page, name);
	}

	private void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(HeadlessChromium.SCREENSHOTS.resolve("portal-" + name + ".png")));
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private JsonNode registration() {
		return http.get("reviewer-tinh", "/api/registrations/{code}", code);
	}

	private static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
