package vn.dvk.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Emails to the members of Camunda groups, through a transactional outbox: {@link #enqueue}
 * renders the Vietnamese template and stores the message in the caller's transaction; a
 * dispatcher sends it with retries. Public API of the notification module.
 * <p>
 * Every recipient gets a message of their own (one outbox row each, key
 * {@code <dedupKey>|<address>}): nobody sees the other recipients' addresses, and a bad address
 * fails alone.
 */
@Service
public class NotificationService {

	private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

	private final RecipientDirectory directory;

	private final MailRenderer renderer;

	private final MailOutbox outbox;

	private final Clock clock;

	NotificationService(RecipientDirectory directory, MailRenderer renderer, MailOutbox outbox, Clock clock) {
		this.directory = directory;
		this.renderer = renderer;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Renders {@code templates/mail/<template>.html} with the model and queues one email to every
	 * member (with an email address) of the given groups.
	 *
	 * @param dedupKey        unique per logical message: the same key twice queues it once
	 * @param template        template name, e.g. {@code registration-returned}
	 * @param recipientGroups Camunda group ids, e.g. {@code unit-xa-cam-hai-dong}
	 * @param model           template variables (registrationName, unitName, comment ...)
	 */
	public void enqueue(String dedupKey, String template, Collection<String> recipientGroups,
			Map<String, Object> model) {
		Objects.requireNonNull(dedupKey, "dedupKey");
		Objects.requireNonNull(template, "template");
		List<String> groups = recipientGroups == null ? List.of()
				: recipientGroups.stream().filter(Objects::nonNull).map(String::trim).filter(g -> !g.isEmpty())
					.distinct().toList();
		Set<String> recipients = groups.isEmpty() ? Set.of() : directory.emailsOf(groups);
		if (recipients.isEmpty()) {
			log.warn("Mail '{}' ({}) not queued: no member of {} has an email address", template, dedupKey, groups);
			return;
		}
		RenderedMail mail = renderer.render(template, model == null ? Map.of() : model);
		int queued = 0;
		for (String recipient : recipients) {
			if (outbox.insert(dedupKey + "|" + recipient, template, List.of(recipient), mail, clock.instant())) {
				queued++;
			}
		}
		log.info("Mail '{}' ({}) queued for {} of {} recipients in {}", template, dedupKey, queued, recipients.size(),
				groups);
	}

}
