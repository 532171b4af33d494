package vn.dvk.notification;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.dvk.notification.MailOutbox.OutboxMessage;

/**
 * Sends due outbox rows: claims a batch (short transaction, lease), sends each message outside
 * any transaction, then marks it SENT, or schedules a retry with exponential backoff, or marks
 * it FAILED after the last attempt. Rows stay PENDING while SMTP is down or the node restarts.
 */
@Component
@ConditionalOnProperty(prefix = "dvk.mail.dispatcher", name = "enabled", havingValue = "true", matchIfMissing = true)
class MailOutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailOutboxDispatcher.class);

	/** Batches per scheduled round, so one round cannot run for ever. */
	private static final int MAX_BATCHES_PER_ROUND = 50;

	private final MailOutbox outbox;

	private final JavaMailSender mailSender;

	private final DvkMailProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	MailOutboxDispatcher(MailOutbox outbox, JavaMailSender mailSender, DvkMailProperties properties, Clock clock,
			MeterRegistry meters) {
		this.outbox = outbox;
		this.mailSender = mailSender;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder("dvk.mail.sent").description("Emails delivered to the SMTP server").register(meters);
		this.failed = Counter.builder("dvk.mail.failed")
			.description("Emails given up after the last attempt")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${dvk.mail.dispatcher.fixed-delay:2s}",
			initialDelayString = "${dvk.mail.dispatcher.fixed-delay:2s}")
	void dispatchScheduled() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.warn("Mail dispatch round failed, will try again: {}", ex.toString());
		}
	}

	/** Sends what is due now; returns the number of messages sent. */
	int dispatchDue() {
		DvkMailProperties.Dispatcher settings = properties.dispatcher();
		int sentCount = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_ROUND; batch++) {
			Instant now = clock.instant();
			// PostgreSQL keeps microseconds: the lease must compare equal when it is given back
			Instant leaseUntil = now.plus(settings.lease()).truncatedTo(ChronoUnit.MICROS);
			// another node may claim a row again once its lease is over: a message is only handed to
			// SMTP while at least half of the lease is left, so a slow server cannot make us send a row
			// that another node is sending too
			Instant sendBy = now.plus(settings.lease().dividedBy(2));
			List<OutboxMessage> due = outbox.claimDue(now, leaseUntil, settings.batchSize());
			for (int i = 0; i < due.size(); i++) {
				if (clock.instant().isAfter(sendBy)) {
					List<Long> rest = due.subList(i, due.size()).stream().map(OutboxMessage::id).toList();
					int released = outbox.release(rest, leaseUntil, clock.instant());
					log.warn("Mail dispatch slower than half the lease ({}): {} claimed messages released", settings.lease(),
							released);
					return sentCount;
				}
				if (send(due.get(i))) {
					sentCount++;
				}
			}
			if (due.size() < settings.batchSize()) {
				break;
			}
		}
		return sentCount;
	}

	private boolean send(OutboxMessage message) {
		try {
			mailSender.send(toMime(message));
			outbox.markSent(message.id(), clock.instant());
			sent.increment();
			return true;
		}
		catch (RuntimeException | MessagingException | UnsupportedEncodingException ex) {
			failed(message, ex);
			return false;
		}
	}

	private void failed(OutboxMessage message, Exception ex) {
		DvkMailProperties.Dispatcher settings = properties.dispatcher();
		int attempts = message.attempts() + 1;
		String error = describe(ex);
		if (attempts >= settings.maxAttempts()) {
			outbox.markFailed(message.id(), attempts, error);
			failed.increment();
			log.error("Mail {} to {} ('{}') FAILED after {} attempts: {}", message.id(), message.recipients(),
					message.subject(), attempts, error);
		}
		else {
			Instant next = clock.instant().plus(settings.backoffAfter(attempts));
			outbox.markRetry(message.id(), attempts, error, next);
			log.warn("Mail {} to {} not sent (attempt {}), next attempt at {}: {}", message.id(),
					message.recipients(), attempts, next, error);
		}
	}

	private MimeMessage toMime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException {
		MimeMessage mime = mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
		InternetAddress from = new InternetAddress(properties.from(), true);
		helper.setFrom(from.getPersonal() == null ? new InternetAddress(from.getAddress())
				: new InternetAddress(from.getAddress(), from.getPersonal(), "UTF-8"));
		helper.setTo(message.recipients().toArray(String[]::new));
		helper.setSubject(message.subject());
		helper.setText(message.html(), true);
		helper.setSentDate(java.util.Date.from(clock.instant()));
		mime.setHeader("X-DVK-Outbox-Key", message.dedupKey());
		return mime;
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder(ex.toString());
		Throwable cause = ex.getCause();
		for (int depth = 0; cause != null && cause != ex && depth < 5; depth++, cause = cause.getCause()) {
			text.append(" <- ").append(cause);
		}
		return text.toString();
	}

}
