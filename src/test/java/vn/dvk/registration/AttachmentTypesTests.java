package vn.dvk.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Types are decided from real bytes generated here, whatever the file is called. */
class AttachmentTypesTests {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	final AttachmentTypes types = new AttachmentTypes();

	@Test
	void theRulesFormsCheckBeforeUploadingNameEveryAcceptedExtensionAndTheSizeLimit() {
		AttachmentRules rules = RegistrationService.attachmentRules();
		org.assertj.core.api.Assertions.assertThat(rules.maxBytes()).isEqualTo(10L * 1024 * 1024);
		org.assertj.core.api.Assertions.assertThat(rules.maxFiles()).isEqualTo(20);
		org.assertj.core.api.Assertions.assertThat(rules.extensions())
			.contains("pdf", "jpg", "jpeg", "png", "webp", "gif", "docx", "xlsx", "pptx", "odt", "doc", "xls", "ppt")
			.doesNotContain("docm", "exe", "zip");
		org.assertj.core.api.Assertions.assertThat(rules.contentTypes())
			.contains("application/pdf", "image/png", "application/msword")
			.doesNotHaveDuplicates();
	}

	@Test
	void acceptsAPdfAndAPngAndNamesThemByTheirContent() {
		assertThat(types.detect(pdf(), "ke-hoach.pdf")).contains("application/pdf");
		assertThat(types.detect(png(), "anh-hoat-dong.png")).contains("image/png");
		assertThat(types.detect(png(), "anh-hoat-dong.pdf")).contains("image/png");
		assertThat(types.detect(jpeg(), "anh.jpg")).contains("image/jpeg");
	}

	@Test
	void acceptsADocxOnlyWithItsExtensionAndItsParts() {
		byte[] docx = docx();
		assertThat(types.detect(docx, "bien-ban.docx")).contains(DOCX);
		assertThat(types.detect(docx, "bien-ban.pdf")).isEmpty();
		assertThat(types.detect(docx, "bien-ban.xlsx")).isEmpty();
		assertThat(types.detect(zip(Map.of("readme.txt", "hello")), "tai-lieu.docx")).isEmpty();
		assertThat(types.detect(zip(entries("[Content_Types].xml", "<Types/>", "word/document.xml", "<w/>",
				"word/vbaProject.bin", "macro")), "macro.docx")).isEmpty();
	}

	@Test
	void acceptsAnOdtWhoseFirstEntryNamesItsType() {
		byte[] odt = odt();
		assertThat(types.detect(odt, "bao-cao.odt")).contains("application/vnd.oasis.opendocument.text");
		assertThat(types.detect(odt, "bao-cao.ods")).isEmpty();
	}

	@Test
	void refusesExecutablesAndHtmlCalledPdf() {
		byte[] elf = new byte[256];
		System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 }, 0, elf, 0, 8);
		byte[] exe = new byte[256];
		exe[0] = 'M';
		exe[1] = 'Z';
		System.arraycopy("This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII), 0, exe, 78, 38);
		byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		assertThat(types.detect(elf, "ke-hoach.pdf")).isEmpty();
		assertThat(types.detect(exe, "ke-hoach.pdf")).isEmpty();
		assertThat(types.detect(html, "ke-hoach.pdf")).isEmpty();
		assertThat(types.detect("chỉ là văn bản".getBytes(StandardCharsets.UTF_8), "ghi-chu.docx")).isEmpty();
	}

	@Test
	void refusesAnOle2FileWithoutTheStreamItsExtensionPromises() {
		byte[] ole2 = new byte[1024];
		byte[] magic = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		System.arraycopy(magic, 0, ole2, 0, magic.length);
		assertThat(types.detect(ole2, "cu.doc")).isEmpty();
		byte[] stream = "WordDocument".getBytes(StandardCharsets.UTF_16LE);
		System.arraycopy(stream, 0, ole2, 600, stream.length);
		assertThat(types.detect(ole2, "cu.doc")).contains("application/msword");
		assertThat(types.detect(ole2, "cu.xls")).isEmpty();
	}

	// ---------------------------------------------------------------- sample files

	static byte[] pdf() {
		String body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
				+ "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
				+ "trailer << /Root 1 0 R >>\n%%EOF\n";
		return body.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpg");
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xC8102E);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static byte[] docx() {
		return zip(entries("[Content_Types].xml",
				"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
				"_rels/.rels", "<Relationships/>", "word/document.xml", "<w:document/>"));
	}

	static byte[] odt() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
			ZipEntry first = new ZipEntry("mimetype");
			first.setMethod(ZipEntry.STORED);
			first.setSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			first.setCrc(crc.getValue());
			zip.putNextEntry(first);
			zip.write(mimetype);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
			zip.write("<manifest/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static Map<String, String> entries(String... namesAndContents) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (int i = 0; i < namesAndContents.length; i += 2) {
			entries.put(namesAndContents[i], namesAndContents[i + 1]);
		}
		return entries;
	}

	private static byte[] zip(Map<String, String> entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
