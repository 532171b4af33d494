package vn.dvk.registration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Decides the type of an uploaded file from its bytes (Tika's magic numbers, no file name hint),
 * never from the declared name or Content-Type. Accepted: PDF, JPEG, PNG, WebP, GIF and office
 * documents. tika-core alone sees zip-based office files only as {@code application/x-tika-ooxml}
 * or {@code application/zip} and OLE2 files as {@code application/x-tika-msoffice}; those are
 * accepted only when the extension names an office type AND the container holds that type's
 * parts ({@code [Content_Types].xml} + {@code word/} for .docx, {@code mimetype} + {@code content.xml}
 * for .odt, the {@code WordDocument} stream for .doc ...). Macro-enabled documents are refused.
 */
@Component
class AttachmentTypes {

	private static final Set<String> DIRECT = Set.of("application/pdf", "image/jpeg", "image/png", "image/webp",
			"image/gif");

	private static final Map<String, String> OOXML = Map.of(
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");

	private static final Map<String, String> OOXML_PART = Map.of("docx", "word/", "xlsx", "xl/", "pptx", "ppt/");

	private static final Map<String, String> ODF = Map.of(
			"odt", "application/vnd.oasis.opendocument.text",
			"ods", "application/vnd.oasis.opendocument.spreadsheet",
			"odp", "application/vnd.oasis.opendocument.presentation");

	private static final Map<String, String> OLE2 = Map.of(
			"doc", "application/msword",
			"xls", "application/vnd.ms-excel",
			"ppt", "application/vnd.ms-powerpoint");

	/** Name of the stream an OLE2 file of that kind must hold. */
	private static final Map<String, String[]> OLE2_STREAM = Map.of(
			"doc", new String[] { "WordDocument" },
			"xls", new String[] { "Workbook", "Book" },
			"ppt", new String[] { "PowerPoint Document" });

	private static final int MAX_ZIP_ENTRIES = 10_000;

	/** Extensions of the directly recognised types (PDF and images). */
	private static final Map<String, String> DIRECT_EXTENSIONS = Map.of("pdf", "application/pdf", "jpg", "image/jpeg",
			"jpeg", "image/jpeg", "png", "image/png", "webp", "image/webp", "gif", "image/gif");

	private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();

	/** Every accepted extension (lower case, without the dot) with its content type, sorted by extension. */
	static java.util.SortedMap<String, String> accepted() {
		java.util.SortedMap<String, String> all = new java.util.TreeMap<>(DIRECT_EXTENSIONS);
		all.putAll(OOXML);
		all.putAll(ODF);
		all.putAll(OLE2);
		return all;
	}

	/** The content type to store and serve, or empty when the file must be refused (415). */
	Optional<String> detect(byte[] content, String fileName) {
		String sniffed = sniff(content);
		if (DIRECT.contains(sniffed)) {
			return Optional.of(sniffed);
		}
		String extension = extension(fileName);
		if (ODF.containsValue(sniffed)) {
			return ODF.get(extension) != null && ODF.get(extension).equals(sniffed) && isOdf(content, sniffed)
					? Optional.of(sniffed) : Optional.empty();
		}
		if ("application/x-tika-ooxml".equals(sniffed) || "application/zip".equals(sniffed)) {
			if (OOXML.containsKey(extension) && isOoxml(content, OOXML_PART.get(extension))) {
				return Optional.of(OOXML.get(extension));
			}
			if (ODF.containsKey(extension) && isOdf(content, ODF.get(extension))) {
				return Optional.of(ODF.get(extension));
			}
			return Optional.empty();
		}
		if ("application/x-tika-msoffice".equals(sniffed) || OLE2.containsValue(sniffed)) {
			if (OLE2.containsKey(extension) && holdsOle2Stream(content, OLE2_STREAM.get(extension))) {
				return Optional.of(OLE2.get(extension));
			}
		}
		return Optional.empty();
	}

	String sniff(byte[] content) {
		try (InputStream in = new ByteArrayInputStream(content)) {
			// no resource name in the metadata: magic bytes only
			MediaType type = mimeTypes.detect(in, new Metadata());
			return type.getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean isOoxml(byte[] content, String part) {
		Set<String> entries = zipEntries(content);
		return entries.contains("[Content_Types].xml") && entries.stream().anyMatch(e -> e.startsWith(part))
				&& entries.stream().noneMatch(e -> e.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"));
	}

	private boolean isOdf(byte[] content, String mediaType) {
		Set<String> entries = zipEntries(content);
		if (!entries.contains("mimetype") || !entries.contains("content.xml")
				|| entries.stream().anyMatch(e -> e.startsWith("Basic/") || e.startsWith("Scripts/"))) {
			return false;
		}
		// the first entry of an ODF package is "mimetype", stored, holding the media type
		String expected = "mimetype" + mediaType;
		if (content.length < 30 + expected.length()) {
			return false;
		}
		String header = new String(content, 30, expected.length(),
				StandardCharsets.US_ASCII);
		return header.equals(expected);
	}

	/** Entry names from the zip's central directory, without inflating anything (no zip bomb). */
	private static Set<String> zipEntries(byte[] content) {
		Path temp = null;
		try {
			temp = Files.createTempFile("dvk-upload-", ".zip");
			Files.write(temp, content);
			Set<String> names = new HashSet<>();
			try (ZipFile zip = new ZipFile(temp.toFile())) {
				Enumeration<? extends ZipEntry> entries = zip.entries();
				while (entries.hasMoreElements() && names.size() < MAX_ZIP_ENTRIES) {
					names.add(entries.nextElement().getName());
				}
			}
			return names;
		}
		catch (ZipException ex) {
			return Set.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a temp file left behind is harmless
				}
			}
		}
	}

	/** OLE2 directory entries hold their names in UTF-16LE. */
	private static boolean holdsOle2Stream(byte[] content, String[] streamNames) {
		for (String name : streamNames) {
			if (indexOf(content, name.getBytes(StandardCharsets.UTF_16LE)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static String extension(String fileName) {
		if (fileName == null) {
			return "";
		}
		int dot = fileName.lastIndexOf('.');
		return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

}
