package vn.dvk.reporting.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dvk.reporting.ImportPreview;
import vn.dvk.reporting.ModelImport;
import vn.dvk.reporting.ModelImportRejected;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.SeasonStaff;
import vn.dvk.shared.DvkException;

/**
 * {@code /season/import}: the specialists' import of models recognised before the system
 * (docs/import.md). The uploaded file is checked and shown (rows, problems per row) before
 * anything is imported; it stays in the session under a token and "commit" imports exactly that
 * file. Drafters only.
 */
@Controller
class ModelImportPageController {

	static final int ROWS_SHOWN = 200;

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final ModelImport modelImport;

	private final MessageSource messages;

	ModelImportPageController(ModelImport modelImport, MessageSource messages) {
		this.modelImport = modelImport;
		this.messages = messages;
	}

	@GetMapping("/season/import")
	String form() {
		SeasonStaff.drafter();
		return "season/import";
	}

	@PostMapping("/season/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpSession session, Model model,
			HttpServletResponse response) {
		CurrentUser user = SeasonStaff.drafter();
		if (file == null || file.isEmpty()) {
			response.setStatus(400);
			model.addAttribute("fileError", text("season.import.noFile"));
			return "season/import";
		}
		byte[] content = bytes(file);
		try {
			modelImport.preview(content, 0, user);
		}
		catch (DvkException ex) {
			if (ex.status().value() == 403) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			model.addAttribute("fileError", text(ex.messageKey(), ex.args()));
			return "season/import";
		}
		String token = PendingImports.keep(session, user.id(), file.getOriginalFilename(), content);
		return "redirect:/season/import/" + token;
	}

	@GetMapping("/season/import/{token}")
	String preview(@PathVariable String token, HttpSession session, Model model) {
		CurrentUser user = SeasonStaff.drafter();
		PendingImports.Pending pending = pending(session, token, user);
		ImportPreview preview = modelImport.preview(pending.content(), ROWS_SHOWN, user);
		model.addAttribute("token", token);
		model.addAttribute("fileName", pending.fileName());
		model.addAttribute("preview", preview);
		model.addAttribute("texts", new LineTexts(messages));
		return "season/import-preview";
	}

	@PostMapping("/season/import/{token}/commit")
	String commit(@PathVariable String token, HttpSession session, RedirectAttributes redirect) {
		CurrentUser user = SeasonStaff.drafter();
		PendingImports.Pending pending = pending(session, token, user);
		int imported;
		try {
			imported = modelImport.importFile(pending.content(), user);
		}
		catch (ModelImportRejected ex) {
			// the register changed since the preview (e.g. the same file imported in another tab)
			return "redirect:/season/import/" + token;
		}
		PendingImports.drop(session, token);
		redirect.addFlashAttribute("notice", text("season.import.done", Integer.toString(imported),
				pending.fileName() == null ? "" : pending.fileName()));
		return "redirect:/season/import";
	}

	private static PendingImports.Pending pending(HttpSession session, String token, CurrentUser user) {
		return PendingImports.find(session, token, user.id())
			.orElseThrow(() -> DvkException.notFound("season.import.expired"));
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, VI);
	}

	/** The Vietnamese text of a line's problem, for the template. */
	static final class LineTexts {

		private final MessageSource messages;

		LineTexts(MessageSource messages) {
			this.messages = messages;
		}

		public String of(ModelImportRejected.LineProblem problem) {
			return messages.getMessage(problem.messageKey(), problem.args(), problem.messageKey(), VI);
		}

	}

}
