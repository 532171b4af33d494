package vn.dvk.notification.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads what the embedded mail server (GreenMail) received, if it runs on this node.
 */
@Component
class EmbeddedMailbox {

	private final ObjectProvider<GreenMail> server;

	EmbeddedMailbox(ObjectProvider<GreenMail> server) {
		this.server = server;
	}

	boolean available() {
		return server.getIfAvailable() != null;
	}

	Optional<Integer> imapPort() {
		GreenMail greenMail = server.getIfAvailable();
		return greenMail == null || greenMail.getImap() == null ? Optional.empty()
				: Optional.of(greenMail.getImap().getPort());
	}

	/** All received messages in receiving order (index 0 = the oldest). */
	List<ReceivedMail> all() {
		GreenMail greenMail = server.getIfAvailable();
		if (greenMail == null) {
			return List.of();
		}
		List<StoredMessage> stored = new ArrayList<>(
				greenMail.getManagers().getImapHostManager().getAllMessages());
		stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).thenComparing(StoredMessage::getUid));
		List<ReceivedMail> mails = new ArrayList<>(stored.size());
		for (int i = 0; i < stored.size(); i++) {
			mails.add(read(i, stored.get(i)));
		}
		return mails;
	}

	Optional<ReceivedMail> get(int index) {
		List<ReceivedMail> mails = all();
		return index >= 0 && index < mails.size() ? Optional.of(mails.get(index)) : Optional.empty();
	}

	private static ReceivedMail read(int index, StoredMessage stored) {
		MimeMessage message = stored.getMimeMessage();
		try {
			return new ReceivedMail(index, stored.getReceivedDate().toInstant(), addresses(message.getFrom()).stream()
				.findFirst()
				.orElse(""), addresses(message.getAllRecipients()), message.getSubject(), html(message));
		}
		catch (MessagingException | IOException ex) {
			return new ReceivedMail(index, Instant.ofEpochMilli(stored.getReceivedDate().getTime()), "", List.of(),
					"(không đọc được thư)", "<pre>" + HtmlUtils.htmlEscape(ex.toString()) + "</pre>");
		}
	}

	private static List<String> addresses(Address[] addresses) {
		return addresses == null ? List.of()
				: Arrays.stream(addresses)
					.map(a -> a instanceof InternetAddress ia ? ia.toUnicodeString() : a.toString())
					.toList();
	}

	/** The HTML body, or the plain-text body escaped into HTML. */
	private static String html(Part part) throws MessagingException, IOException {
		if (part.isMimeType("text/html")) {
			return part.getContent().toString();
		}
		if (part.isMimeType("text/plain")) {
			return "<pre style=\"white-space:pre-wrap\">" + HtmlUtils.htmlEscape(part.getContent().toString())
					+ "</pre>";
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			String fallback = null;
			for (int i = 0; i < multipart.getCount(); i++) {
				Part child = multipart.getBodyPart(i);
				String body = html(child);
				if (child.isMimeType("text/html") || (body != null && child.isMimeType("multipart/*"))) {
					return body;
				}
				if (fallback == null) {
					fallback = body;
				}
			}
			return fallback == null ? "" : fallback;
		}
		return null;
	}

}
