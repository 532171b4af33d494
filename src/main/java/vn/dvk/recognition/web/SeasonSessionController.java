package vn.dvk.recognition.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.dvk.recognition.RecognitionSession;
import vn.dvk.recognition.RecognitionSessionService;
import vn.dvk.security.CurrentUser;
import vn.dvk.security.SeasonStaff;
import vn.dvk.shared.DvkException;

/**
 * The season board's "open a council session" button: the specialist puts every model of the plan
 * whose result report is filed before the council, then lands on the session's page. A refusal
 * (nothing to assess, a session already open) comes back to the board as a Vietnamese message.
 */
@Controller
class SeasonSessionController {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private final RecognitionSessionService sessions;

	private final MessageSource messages;

	SeasonSessionController(RecognitionSessionService sessions, MessageSource messages) {
		this.sessions = sessions;
		this.messages = messages;
	}

	@PostMapping("/season/plans/{code}/recognition-sessions")
	String open(@PathVariable String code, RedirectAttributes redirect) {
		CurrentUser user = SeasonStaff.drafter();
		try {
			RecognitionSession session = sessions.create(code, null, null, user);
			redirect.addFlashAttribute("notice",
					messages.getMessage("season.session.opened", new Object[] { session.key() }, VI));
			return "redirect:/recognition-sessions/" + UriUtils.encodePathSegment(session.key(), "UTF-8");
		}
		catch (DvkException ex) {
			if (ex.status().is5xxServerError() || ex.status().value() == 403) {
				throw ex;
			}
			redirect.addFlashAttribute("sessionError",
					messages.getMessage(ex.messageKey(), ex.args(), ex.messageKey(), VI));
			return "redirect:/season/plans/" + UriUtils.encodePathSegment(code, "UTF-8") + "/board";
		}
	}

}
