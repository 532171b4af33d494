package vn.dvk.award.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.Nomination;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * A nomination's files as downloads, the same for the API and the portal's pages: the generated
 * PDFs by name and the scanned decision of the outside authority. The service decides who may
 * read them; an unknown document name is a 404 like an unknown nomination.
 */
final class AwardDownloads {

	private static final Pattern DOCUMENT_NAME = Pattern.compile("[a-z0-9-]{1,60}");

	private AwardDownloads() {
	}

	static ResponseEntity<byte[]> document(AwardNominationService nominations, String code, String name) {
		if (!DOCUMENT_NAME.matcher(name).matches()) {
			throw DvkException.notFound("award.document.notFound", name, code);
		}
		byte[] pdf = nominations.document(code, name, CurrentUser.get());
		return download(pdf, MediaType.APPLICATION_PDF_VALUE, code + "-" + name + ".pdf");
	}

	static ResponseEntity<byte[]> decisionFile(AwardNominationService nominations, String code) {
		CurrentUser user = CurrentUser.get();
		Nomination n = nominations.get(code, user).nomination();
		byte[] content = nominations.decisionFile(code, user)
			.orElseThrow(() -> DvkException.notFound("award.document.notFound", "quyet-dinh", code));
		return download(content, n.decision().fileType(), n.decision().fileName());
	}

	private static ResponseEntity<byte[]> download(byte[] content, String type, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.contentLength(content.length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(content);
	}

}
