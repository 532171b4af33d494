package vn.dvk.award.process;

import static org.assertj.core.api.Assertions.assertThat;

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

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import vn.dvk.award.Nomination;
import vn.dvk.award.NominationStatus;
import vn.dvk.document.DocumentService;
import vn.dvk.plan.RecipientKind;

/**
 * The award documents rendered by the real DocumentService (embedded Liberation Serif) and read
 * back with PDFBox: the Vietnamese text intact, every font embedded; the certificate and the
 * cover memo are also rendered to PNG under target/award-documents for a person to look at.
 */
@SpringJUnitConfig({ DocumentService.class, AwardDocumentsPdfTests.Config.class })
class AwardDocumentsPdfTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final LocalDate DECIDED = LocalDate.of(2026, 12, 10);

	static final Path OUT = Path.of("target", "award-documents");

	@Autowired
	DocumentService documents;

	@Test
	void theCoverMemoIsAnOfficialTờTrìnhToTheAuthority() throws IOException {
		byte[] pdf = documents.pdf(AwardDocuments.COVER_MEMO, AwardDocuments.coverMemo(kyNiemChuong(),
				"Xã Cam Hải Đông", List.of("bien-ban-hop-xet-khen-thuong.pdf", "bao-cao-thanh-tich.docx"), TODAY));

		String text = text(pdf);
		assertThat(text).contains("TỈNH ỦY KHÁNH HÒA", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "Số: ……/TTr-BTGDV",
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"Khánh Hòa, ngày 01 tháng 12 năm 2026", "TỜ TRÌNH",
				"Về việc đề nghị tặng Kỷ niệm chương “Vì sự nghiệp dân vận” cho cá nhân Nguyễn Thị Lan",
				"Kính gửi: Ban Tuyên giáo và Dân vận Trung ương", "Luật Thi đua, khen thưởng",
				"Nghị định số 98/2023/NĐ-CP", "Kế hoạch KH-2026-01", "Xã Cam Hải Đông",
				"Chủ tịch Hội Liên hiệp Phụ nữ xã", "Vận động tiểu thương", "Có danh sách đề nghị khen thưởng kèm theo",
				"- Danh sách đề nghị khen thưởng;", "- bien-ban-hop-xet-khen-thuong.pdf;",
				"Kính trình Ban Tuyên giáo và Dân vận Trung ương xem xét, quyết định./.", "Nơi nhận:", "- Như trên;",
				"TRƯỞNG BAN");
		assertFontsEmbedded(pdf);
		png(pdf, "to-trinh");
	}

	@Test
	void theCoverMemoOfACollectiveNamesTheUnitAndTheModel() throws IOException {
		String text = text(documents.pdf(AwardDocuments.COVER_MEMO,
				AwardDocuments.coverMemo(bangKhen(), "Xã Cam Hải Đông", List.of(), TODAY)));

		assertThat(text).contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Khánh Hòa",
				"tập thể Xã Cam Hải Đông với mô hình “Chợ cá an toàn, văn minh”",
				"Bằng khen của Chủ tịch UBND tỉnh");
	}

	@Test
	void theNomineeListIsATableWithTheRecipient() throws IOException {
		byte[] pdf = documents.pdf(AwardDocuments.NOMINEE_LIST,
				AwardDocuments.nomineeList(kyNiemChuong(), "Xã Cam Hải Đông", TODAY));

		String text = text(pdf);
		assertThat(text).contains("DANH SÁCH", "Đề nghị tặng Kỷ niệm chương “Vì sự nghiệp dân vận”",
				"Kèm theo Tờ trình số ……/TTr-BTGDV ngày 01/12/2026", "STT", "Họ tên / Tên tập thể", "Chức vụ",
				"Đơn vị", "Thành tích", "Nguyễn Thị Lan", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "Xã Cam Hải Đông",
				"Tổng số: 01 cá nhân.", "TRƯỞNG BAN");
		assertFontsEmbedded(pdf);
		png(pdf, "danh-sach");
	}

	@Test
	void theCertificateOfAnInternalAwardIsAOnePageGiấyKhen() throws IOException {
		byte[] pdf = documents.pdf(AwardDocuments.CERTIFICATE, AwardDocuments.certificate(giayKhen(),
				"Xã Cam Hải Đông", "12/QĐ-BTGDV", DECIDED, "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy"));

		String text = text(pdf);
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY KHÁNH HÒA", "GIẤY KHEN", "TẶNG",
				"Tập thể Xã Cam Hải Đông", "Mô hình “Chợ cá an toàn, văn minh”", "phong trào thi đua “Dân vận khéo”",
				"Quyết định số 12/QĐ-BTGDV", "ngày 10/12/2026", "Khánh Hòa, ngày 10 tháng 12 năm 2026", "TRƯỞNG BAN",
				"Số vào sổ: KT-2026-0001");
		assertThat(text).doesNotContain("BẰNG KHEN");
		assertOnePageLandscape(pdf);
		assertFontsEmbedded(pdf);
		png(pdf, "giay-khen");
	}

	@Test
	void theCertificateOfAnExternalAwardIsABằngKhenSignedByTheChairman() throws IOException {
		byte[] pdf = documents.pdf(AwardDocuments.CERTIFICATE,
				AwardDocuments.certificate(person("KT-2026-0004", "BANG_KHEN_UBND",
						"Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND tỉnh"), "Xã Cam Hải Đông",
						"125/QĐ-UBND", DECIDED, "Chủ tịch UBND tỉnh"));

		String text = text(pdf);
		assertThat(text).contains("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "BẰNG KHEN", "TẶNG", "Nguyễn Thị Lan",
				"Chủ tịch Hội Liên hiệp Phụ nữ xã, Xã Cam Hải Đông", "Quyết định số 125/QĐ-UBND", "ngày 10/12/2026",
				"CHỦ TỊCH");
		assertOnePageLandscape(pdf);
		assertFontsEmbedded(pdf);
		png(pdf, "bang-khen");
	}

	@Test
	void theCertificateOfAMedalSaysWhichMedalAndALongAchievementStillFitsOnePage() throws IOException {
		Nomination medal = kyNiemChuong();
		Nomination longAchievement = new Nomination(medal.code(), medal.planCode(), medal.awardType(),
				medal.awardName(), medal.awardAuthority(), medal.external(), medal.recipientKind(), null,
				medal.personName(), medal.personPosition(), medal.recipientName(), medal.unitCode(),
				"Vận động tiểu thương xây dựng chợ cá an toàn, văn minh; ".repeat(60), NominationStatus.AWARDED,
				medal.nominatedBy(), medal.nominatedAt(), null, null);

		byte[] pdf = documents.pdf(AwardDocuments.CERTIFICATE, AwardDocuments.certificate(longAchievement,
				"Xã Cam Hải Đông", "88/QĐ-BTGDVTW", DECIDED, "Ban Tuyên giáo và Dân vận Trung ương"));

		String text = text(pdf);
		assertThat(text).contains("GIẤY CHỨNG NHẬN", "Nguyễn Thị Lan",
				"Đã được tặng Kỷ niệm chương “Vì sự nghiệp dân vận”", "Quyết định số 88/QĐ-BTGDVTW", "…");
		png(pdf, "ky-niem-chuong");
		assertOnePageLandscape(pdf);
	}

	static String text(byte[] pdf) throws IOException {
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// lines of a wrapped paragraph are joined so that phrases can be looked for
			return new PDFTextStripper().getText(document).replaceAll("\\s*\\R\\s*", " ");
		}
	}

	static void assertFontsEmbedded(byte[] pdf) throws IOException {
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
		}
	}

	static void assertOnePageLandscape(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).as("pages of the certificate").isEqualTo(1);
			PDPage page = document.getPage(0);
			assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getMediaBox().getHeight());
		}
	}

	static void png(byte[] pdf, String name) throws IOException {
		Files.createDirectories(OUT);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 72);
				ImageIO.write(image, "png", OUT.resolve(name + "-" + (page + 1) + ".png").toFile());
			}
		}
	}

	static Nomination giayKhen() {
		return AwardNominationProcessTests.giayKhen();
	}

	static Nomination bangKhen() {
		return AwardNominationProcessTests.bangKhen();
	}

	static Nomination kyNiemChuong() {
		return person("KT-2026-0003", "KY_NIEM_CHUONG", "Kỷ niệm chương “Vì sự nghiệp dân vận”",
				"Ban Tuyên giáo và Dân vận Trung ương");
	}

	static Nomination person(String code, String type, String name, String authority) {
		return new Nomination(code, "KH-2026-01", type, name, authority, true, RecipientKind.INDIVIDUAL, null,
				"Nguyễn Thị Lan", "Chủ tịch Hội Liên hiệp Phụ nữ xã", "Nguyễn Thị Lan", "xa-cam-hai-dong",
				"Vận động tiểu thương xây dựng chợ cá an toàn, văn minh; 120 hộ kinh doanh cam kết không dùng hóa chất bảo quản.",
				NominationStatus.AWARDED, "drafter", Instant.parse("2026-12-01T02:00:00Z"), null, null);
	}

	@Configuration
	static class Config {

		@Bean
		MessageSource messageSource() {
			ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
			messages.setBasenames("messages/common", "messages/document");
			messages.setDefaultEncoding("UTF-8");
			messages.setFallbackToSystemLocale(false);
			return messages;
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
		}

	}

}
