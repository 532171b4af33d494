package vn.dvk.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class DocumentServiceTests {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-04T20:00:00Z"), ZoneOffset.UTC);

	final DocumentService documents = new DocumentService(messages(), CLOCK);

	@Test
	void aDecisionRendersWithItsVietnameseTextIntactAndTheOfficialHeader() throws IOException {
		byte[] pdf = documents.pdf("sample-decision", sample());

		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Quyết định công nhận mô hình “Dân vận khéo” tiêu biểu", "Nguyễn Thị Lan",
					"Xã Cam Hải Đông", "Mô hình “Chợ cá an toàn, văn minh”", "Trần Văn Đức",
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỈNH ỦY KHÁNH HÒA",
					"BAN TUYÊN GIÁO VÀ DÂN VẬN", "Số: 12/QĐ-BTGDV", "Khánh Hòa, ngày 05 tháng 01 năm 2026",
					"Nơi nhận:", "- Như Điều 3;", "TRƯỞNG BAN", "Phạm Thị Hồng Nhung");
			PDPage first = document.getPage(0);
			assertThat(first.getMediaBox().getWidth()).isCloseTo(PDRectangle.A4.getWidth(),
					org.assertj.core.data.Offset.offset(1f));
			assertThat(first.getMediaBox().getHeight()).isCloseTo(PDRectangle.A4.getHeight(),
					org.assertj.core.data.Offset.offset(1f));
		}
	}

	@Test
	void everyFontOfTheDocumentIsLiberationSerifEmbeddedInThePdf() throws IOException {
		byte[] pdf = documents.pdf("sample-decision", sample());

		try (PDDocument document = Loader.loadPDF(pdf)) {
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
			assertThat(fonts).anySatisfy(font -> assertThat(font.getName()).contains("Bold"));
		}
	}

	@Test
	void theDateLineDefaultsToTodayInVietnamAndAMissingNumberIsLeftToFillIn() throws IOException {
		Map<String, Object> model = new java.util.HashMap<>(sample());
		model.remove("documentDate");
		model.remove("documentNumber");

		String html = documents.html("sample-decision", model);

		// 20:00 UTC on 4 January is 03:00 on 5 January in Asia/Ho_Chi_Minh
		assertThat(html).contains("Khánh Hòa, ngày 05 tháng 01 năm 2026").contains("Số: ……");
	}

	@Test
	void anUnknownTemplateIsAnError() {
		assertThatThrownBy(() -> documents.pdf("no-such-template", Map.of())).isInstanceOf(RuntimeException.class);
	}

	@Test
	void officialDatesHaveTwoDigitDaysAndMonths() {
		assertThat(OfficialDates.dateLine(LocalDate.of(2026, 11, 3))).isEqualTo("Khánh Hòa, ngày 03 tháng 11 năm 2026");
	}

	static Map<String, Object> sample() {
		return Map.of("documentNumber", "12/QĐ-BTGDV", "documentDate", LocalDate.of(2026, 1, 5), "subject",
				"Quyết định công nhận mô hình “Dân vận khéo” tiêu biểu", "rows",
				List.of(Map.of("name", "Mô hình “Chợ cá an toàn, văn minh”", "unit", "Xã Cam Hải Đông", "person",
						"Nguyễn Thị Lan"),
						Map.of("name", "Tổ tự quản an ninh trật tự khu dân cư", "unit", "Phường Nha Trang", "person",
								"Trần Văn Đức")),
				"recipients", List.of("Như Điều 3;", "Lưu VP."), "signerName", "Phạm Thị Hồng Nhung");
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/common", "messages/document");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
