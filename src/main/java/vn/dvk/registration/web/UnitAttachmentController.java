package vn.dvk.registration.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.registration.AttachmentInfo;
import vn.dvk.registration.RegistrationService;
import vn.dvk.security.CurrentUser;
import vn.dvk.shared.DvkException;
import vn.dvk.shared.DvkException.FieldProblem;

/**
 * Uploads of the portal (session and CSRF, not the API's HTTP Basic): the page's script
 * ({@code X-Requested-With: XMLHttpRequest}) gets JSON (201 with the file, or the status with a Vietnamese {@code message}); a plain form post
 * without JavaScript is redirected back with the outcome as a flash message. The registration
 * service checks who may add files, the status, the size and the type (from the bytes).
 */
@Controller
class UnitAttachmentController {

	private final RegistrationService registrations;

	private final UnitPortal portal;

	UnitAttachmentController(RegistrationService registrations, UnitPortal portal) {
		this.registrations = registrations;
		this.portal = portal;
	}

	@PostMapping(path = "/unit/registrations/{code}/attachments", headers = "X-Requested-With=XMLHttpRequest",
			produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> uploadFromScript(@PathVariable String code,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		try {
			AttachmentInfo added = store(code, file);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("id", added.id());
			body.put("fileName", added.fileName());
			body.put("sizeKb", String.format(java.util.Locale.forLanguageTag("vi"), "%,.0f", added.sizeBytes() / 1024.0));
			body.put("url", "/registrations/" + code + "/attachments/" + added.id());
			return ResponseEntity.status(HttpStatus.CREATED).body(body);
		}
		catch (DvkException ex) {
			return ResponseEntity.status(ex.status()).body(Map.of("message", message(ex)));
		}
	}

	@PostMapping("/unit/registrations/{code}/attachments")
	String uploadFromForm(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
		try {
			AttachmentInfo added = store(code, file);
			redirect.addFlashAttribute("flash", portal.text("unit.flash.UPLOADED", added.fileName()));
		}
		catch (DvkException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", message(ex));
		}
		return "redirect:" + switch (back == null ? "" : back) {
			case "edit" -> "/unit/registrations/" + code + "/edit";
			case "report" -> "/unit/registrations/" + code + "/report";
			default -> "/registrations/" + code;
		};
	}

	private AttachmentInfo store(String code, MultipartFile file) {
		CurrentUser user = CurrentUser.get();
		if (file == null || file.isEmpty()) {
			throw DvkException.invalid(java.util.List.of(new FieldProblem("file", "unit.attach.noFile")));
		}
		if (file.getSize() > RegistrationService.ATTACHMENT_MAX_BYTES) {
			throw RegistrationService.attachmentTooLarge(file.getOriginalFilename());
		}
		try {
			return registrations.addAttachment(code, file.getOriginalFilename(), file.getBytes(), user);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Vietnamese text of a refusal: its first field problem, else its own message. */
	private String message(DvkException ex) {
		if (!ex.fieldErrors().isEmpty()) {
			FieldProblem first = ex.fieldErrors().get(0);
			return portal.text(first.messageKey(), first.args());
		}
		return portal.text(ex.messageKey(), ex.args());
	}

}
