package vn.dvk.award.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.award.AwardNominationService;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * A nomination's PDF (cover memo, list, certificate) for a portal session: the twin of
 * {@code GET /api/awards/nominations/{code}/documents/{name}.pdf}, which asks for HTTP Basic. The
 * same visibility rule (staff, or the recipient's unit).
 */
@Controller
class AwardDocumentPageController {

	private final AwardNominationService nominations;

	AwardDocumentPageController(AwardNominationService nominations) {
		this.nominations = nominations;
	}

	@GetMapping("/awards/nominations/{code}/documents/{name}.pdf")
	ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String name) {
		return AwardDownloads.document(nominations, code, name);
	}

}
