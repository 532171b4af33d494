package vn.dvk.notification.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operators read the mail the embedded server received and watch the outbox. Access to
 * {@code /ops/**} (camunda-admin only) is configured by the security module.
 */
@Controller
class MailboxController {

	private final EmbeddedMailbox mailbox;

	private final OutboxListing outbox;

	MailboxController(EmbeddedMailbox mailbox, OutboxListing outbox) {
		this.mailbox = mailbox;
		this.outbox = outbox;
	}

	@GetMapping("/ops/mailbox")
	String mailbox(Model model) {
		List<ReceivedMail> received = new java.util.ArrayList<>(mailbox.all());
		Collections.reverse(received);
		model.addAttribute("available", mailbox.available());
		model.addAttribute("imapPort", mailbox.imapPort().orElse(null));
		model.addAttribute("messages", received);
		model.addAttribute("pending", outbox.pendingOrFailed());
		model.addAttribute("sent", outbox.lastSent());
		model.addAttribute("time", new TimeFormat());
		return "notification/mailbox";
	}

	@GetMapping("/ops/mailbox/{index}")
	String message(@PathVariable int index, Model model) {
		ReceivedMail mail = mailbox.get(index).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("mail", mail);
		model.addAttribute("time", new TimeFormat());
		return "notification/mailbox-message";
	}

	/** dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh, for the page. */
	static final class TimeFormat {

		private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
			.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

		public String of(TemporalAccessor time) {
			return time == null ? "" : FORMAT.format(time);
		}

	}

}
