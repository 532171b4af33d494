package vn.dvk.notification;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;

/**
 * Emails to the members of Camunda groups, through a transactional outbox: {@link #enqueue}
 * renders the Vietnamese template and stores the message in the caller's transaction; a
 * dispatcher sends it with retries. Public API of the notification module.
 */
@Service
public class NotificationService {

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
		throw new UnsupportedOperationException("TODO");
	}

}
