package vn.dvk.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code mail_outbox} table: one row per recipient and message, written in the caller's
 * transaction, claimed by dispatchers with {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class MailOutbox {

	static final int MAX_DEDUP_KEY_LENGTH = 300;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final JdbcClient jdbc;

	private final TransactionTemplate claimTransaction;

	MailOutbox(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.claimTransaction = new TransactionTemplate(transactionManager);
		this.claimTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Queues a message unless a row with the same key exists; joins the caller's transaction. */
	boolean insert(String dedupKey, String template, List<String> recipients, RenderedMail mail, Instant now) {
		return jdbc.sql("""
				insert into mail_outbox (dedup_key, template, recipients, subject, body_html, status, attempts,
				                         next_attempt_at, created_at)
				values (:dedupKey, :template, cast(:recipients as jsonb), :subject, :body, 'PENDING', 0, :now, :now)
				on conflict (dedup_key) do nothing
				""")
			.param("dedupKey", fitKey(dedupKey))
			.param("template", template)
			.param("recipients", toJson(recipients))
			.param("subject", abbreviate(mail.subject(), 500))
			.param("body", mail.html())
			.param("now", at(now))
			.update() == 1;
	}

	/**
	 * Claims up to {@code limit} due PENDING rows in a short transaction of its own: locks them
	 * (skipping rows another node holds) and hides them until {@code leaseUntil}.
	 */
	List<OutboxMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
		return claimTransaction.execute(status -> {
			List<OutboxMessage> due = jdbc.sql("""
					select id, dedup_key, recipients::text as recipients, subject, body_html, attempts
					from mail_outbox
					where status = 'PENDING' and next_attempt_at <= :now
					order by next_attempt_at, id
					limit :limit
					for update skip locked
					""")
				.param("now", at(now))
				.param("limit", limit)
				.query((rs, row) -> new OutboxMessage(rs.getLong("id"), rs.getString("dedup_key"),
						fromJson(rs.getString("recipients")), rs.getString("subject"), rs.getString("body_html"),
						rs.getInt("attempts")))
				.list();
			if (!due.isEmpty()) {
				jdbc.sql("update mail_outbox set next_attempt_at = :lease where id in (:ids)")
					.param("lease", at(leaseUntil))
					.param("ids", due.stream().map(OutboxMessage::id).toList())
					.update();
			}
			return due;
		});
	}

	/** Gives claimed rows back before their lease ends (only rows still under this very lease). */
	int release(List<Long> ids, Instant leaseUntil, Instant now) {
		return jdbc.sql("""
				update mail_outbox set next_attempt_at = :now
				where id in (:ids) and status = 'PENDING' and next_attempt_at = :lease
				""").param("now", at(now)).param("ids", ids).param("lease", at(leaseUntil)).update();
	}

	void markSent(long id, Instant now) {
		jdbc.sql("""
				update mail_outbox set status = 'SENT', sent_at = :now, attempts = attempts + 1, last_error = null
				where id = :id and status = 'PENDING'
				""").param("now", at(now)).param("id", id).update();
	}

	void markRetry(long id, int attempts, String error, Instant nextAttemptAt) {
		jdbc.sql("""
				update mail_outbox set attempts = :attempts, last_error = :error, next_attempt_at = :next
				where id = :id and status = 'PENDING'
				""")
			.param("attempts", attempts)
			.param("error", abbreviate(error, 4000))
			.param("next", at(nextAttemptAt))
			.param("id", id)
			.update();
	}

	void markFailed(long id, int attempts, String error) {
		jdbc.sql("""
				update mail_outbox set status = 'FAILED', attempts = :attempts, last_error = :error
				where id = :id and status = 'PENDING'
				""").param("attempts", attempts).param("error", abbreviate(error, 4000)).param("id", id).update();
	}

	/** Keys longer than the column keep their start and end with a hash of the whole key. */
	static String fitKey(String key) {
		if (key.length() <= MAX_DEDUP_KEY_LENGTH) {
			return key;
		}
		try {
			String hash = HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
			return key.substring(0, MAX_DEDUP_KEY_LENGTH - hash.length() - 1) + "#" + hash;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static String abbreviate(String text, int max) {
		if (text == null || text.length() <= max) {
			return text;
		}
		return text.substring(0, max - 1) + "…";
	}

	private static String toJson(List<String> recipients) {
		try {
			return JSON.writeValueAsString(recipients);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> fromJson(String json) {
		try {
			return JSON.readValue(json, new TypeReference<List<String>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Unreadable recipients " + json, ex);
		}
	}

	/** A claimed row. */
	record OutboxMessage(long id, String dedupKey, List<String> recipients, String subject, String html,
			int attempts) {
	}

}
