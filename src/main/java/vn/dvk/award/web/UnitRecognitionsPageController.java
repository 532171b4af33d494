package vn.dvk.award.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.dvk.award.AwardNominationService;
import vn.dvk.award.Nomination;
import vn.dvk.award.NominationDetails;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.recognition.UnitRecognition;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;

/**
 * The unit head's recognitions and awards ({@code /unit/recognitions}): the council's outcome on
 * each of the unit's models with the recognition decision (its PDF at
 * {@code /recognition-decisions/{id}/pdf}), and the unit's award nominations with their
 * documents, downloaded here with the portal's session. The services decide who may read what:
 * a unit head reads only their own units' outcomes, decisions and nominations (another unit's is 404).
 */
@Controller
class UnitRecognitionsPageController {

	private final RecognitionSessionService recognitions;

	private final AwardNominationService nominations;

	UnitRecognitionsPageController(RecognitionSessionService recognitions, AwardNominationService nominations) {
		this.recognitions = recognitions;
		this.nominations = nominations;
	}

	@GetMapping("/unit/recognitions")
	String page(Model model) {
		CurrentUser user = CurrentUser.get();
		Set<String> own = user.ownUnitCodes();
		if (own.isEmpty()) {
			throw DvkException.forbidden("unit.forbidden");
		}
		List<UnitRecognition> decided = recognitions.ownUnitsRecognitions(user);
		List<NominationDetails> awards = nominations.list(null, null, user)
			.stream()
			.filter(n -> own.contains(n.unitCode()))
			.map(n -> nominations.get(n.code(), user))
			.toList();
		model.addAttribute("decided", decided);
		model.addAttribute("awards", awards);
		return "unit/recognitions";
	}

	@GetMapping("/unit/awards/{code}/documents/{name}.pdf")
	ResponseEntity<byte[]> document(@PathVariable String code, @PathVariable String name) {
		return AwardDownloads.document(nominations, code, name);
	}

	@GetMapping("/unit/awards/{code}/authority-decision/file")
	ResponseEntity<byte[]> decisionFile(@PathVariable String code) {
		return AwardDownloads.decisionFile(nominations, code);
	}

}
