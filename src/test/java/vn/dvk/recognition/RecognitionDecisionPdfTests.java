package vn.dvk.recognition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import vn.dvk.document.DocumentService;
import vn.dvk.organization.TestOrganizations;
import vn.dvk.plan.PlanService;
import vn.dvk.registration.RegistrationService;
import vn.dvk.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The recognition decision through the real document service: issued by the session service
 * (repository and plan module doubled), the PDF read back with PDFBox.
 */
class RecognitionDecisionPdfTests {

	static final String SESSION = "KH-2026-01-PH1";

	static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

	static AnnotationConfigApplicationContext context;

	final RecognitionRepository repository = mock(RecognitionRepository.class);

	final PlanService plans = mock(PlanService.class);

	@BeforeAll
	static void documentService() {
		context = new AnnotationConfigApplicationContext();
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/common", "messages/document");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		context.registerBean("messageSource", ResourceBundleMessageSource.class, () -> messages);
		context.registerBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));
		context.registerBean(DocumentService.class);
		context.refresh();
	}

	@AfterAll
	static void close() {
		context.close();
	}

	@Test
	void theDecisionReadsInVietnameseWithItsNumberTheListAndTypicalModelsMarked() throws IOException {
		byte[] pdf = issue();

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = normalized(new PDFTextStripper().getText(document));
			assertThat(text).contains("Số: 7/QĐ-BTGDV", "TỈNH ỦY KHÁNH HÒA", "BAN TUYÊN GIÁO VÀ DÂN VẬN",
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
					"Khánh Hòa, ngày 01 tháng 12 năm 2026", "QUYẾT ĐỊNH",
					"Về việc công nhận mô hình, điển hình “Dân vận khéo” năm 2026",
					"TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY", "Căn cứ văn bản số 35-CT/TU ngày 02 tháng 11 năm 2022",
					"Biên bản phiên bình xét số KH-2026-01-PH1", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 2.", "Điều 3.",
					"Nơi nhận:", "- Như Điều 3;", "TRƯỞNG BAN", "DANH SÁCH", "STT", "Tên mô hình", "Đơn vị", "Lĩnh vực",
					"Kết quả", "Mô hình “Chợ cá an toàn, văn minh”", "Xã Cam Hải Đông", "Sở Y tế", "Kinh tế",
					"Văn hóa – xã hội", "Tiêu biểu", "Công nhận",
					"Kèm theo Quyết định số 7/QĐ-BTGDV, ngày 01 tháng 12 năm 2026");
			assertThat(text).contains("Công nhận 2 mô hình, điển hình “Dân vận khéo” năm 2026 (trong đó 1 mô hình, điển hình tiêu biểu)");
			// the model not recognised is not on the list
			assertThat(text).doesNotContain("Tổ tự quản an ninh trật tự");
			assertThat(document.getNumberOfPages()).isEqualTo(2);
		}
	}

	@Test
	void everyFontIsEmbeddedLiberationSerif() throws IOException {
		try (PDDocument document = Loader.loadPDF(issue())) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.getName()).contains("LiberationSerif");
				assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
			});
		}
	}

	/** Writes target/recognition-decision-<n>.png, one per page, to look at the layout. */
	@Test
	void rendersToImagesForAPersonToLookAt() throws IOException {
		try (PDDocument document = Loader.loadPDF(issue())) {
			PDFRenderer renderer = new PDFRenderer(document);
			Path target = Path.of("target");
			Files.createDirectories(target);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 60);
				assertThat(ImageIO.write(image, "png", target.resolve("recognition-decision-" + (page + 1) + ".png").toFile()))
					.isTrue();
			}
		}
	}

	private byte[] issue() {
		DocumentService documents = context.getBean(DocumentService.class);
		RecognitionSessionService sessions = new RecognitionSessionService(repository, plans,
				mock(RegistrationService.class), TestOrganizations.khanhHoa(), documents, mock(RecognitionWorkflow.class),
				mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
		given(plans.require(Fixtures.PLAN)).willReturn(Fixtures.plan());
		given(repository.decisionOfSession(SESSION)).willReturn(Optional.empty());
		given(repository.session(SESSION)).willReturn(Optional.of(new RecognitionSession(SESSION, Fixtures.PLAN, 1, null,
				RecognitionSession.CONFIRMING, null, null, "drafter", Instant.parse("2026-11-20T02:00:00Z"), null)));
		given(repository.items(SESSION)).willReturn(List.of(
				item("DK-2026-000001", 1, "Mô hình “Chợ cá an toàn, văn minh”", "xa-cam-hai-dong", "KINH_TE", "MODEL"),
				item("DK-2026-000002", 2, "Điển hình “Bác sĩ gia đình tận tụy với người bệnh”", "so-y-te", "VHXH",
						"EXEMPLAR"),
				item("DK-2026-000003", 3, "Tổ tự quản an ninh trật tự khu dân cư", "phuong-nha-trang", "VHXH", "MODEL")));
		given(repository.next("decision:2026")).willReturn(7);

		sessions.issueDecision(SESSION, Map.of("DK-2026-000001", "RECOGNIZE_TYPICAL", "DK-2026-000002", "RECOGNIZE",
				"DK-2026-000003", "NOT_RECOGNIZE"), "Mô hình DK-2026-000003 chưa đạt.", "approver");

		ArgumentCaptor<byte[]> pdf = ArgumentCaptor.forClass(byte[].class);
		verify(repository).insertDecision(eq(SESSION), eq(2026), eq(7), eq(LocalDate.of(2026, 12, 1)), eq("approver"),
				pdf.capture(), any());
		return pdf.getValue();
	}

	private static SessionItem item(String code, int position, String name, String unit, String field, String kind) {
		return new SessionItem(SESSION, code, position, name, unit, field, kind, null, null, null, null);
	}

	/** Lines broken by the layout joined again. */
	private static String normalized(String text) {
		return text.replaceAll("\\s+", " ");
	}

}
