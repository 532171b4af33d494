package vn.dvk.registration.web;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.dvk.registration.AttachmentContent;

/**
 * An attachment as a download: its sniffed type, a UTF-8 file name, never rendered inline.
 */
final class AttachmentDownload {

	private AttachmentDownload() {
	}

	static ResponseEntity<byte[]> of(AttachmentContent attachment) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.info().contentType()))
			.contentLength(attachment.content().length)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(attachment.info().fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(attachment.content());
	}

}
