package vn.dvk.notification.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as operators see it: what waits or failed, and the last messages sent.
 */
@Component
class OutboxListing {

	private static final String COLUMNS = """
			select id, template, recipients::text as recipients, subject, status, attempts, next_attempt_at,
			       last_error, created_at, sent_at
			from mail_outbox
			""";

	private final JdbcClient jdbc;

	OutboxListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OutboxRow> pendingOrFailed() {
		return query(COLUMNS + " where status in ('PENDING', 'FAILED') order by status desc, next_attempt_at, id limit 500");
	}

	List<OutboxRow> lastSent() {
		return query(COLUMNS + " where status = 'SENT' order by sent_at desc, id desc limit 50");
	}

	private List<OutboxRow> query(String sql) {
		return jdbc.sql(sql)
			.query((rs, row) -> new OutboxRow(rs.getLong("id"), rs.getString("template"),
					rs.getString("recipients").replaceAll("[\\[\\]\"]", "").replace(",", ", "), rs.getString("subject"),
					rs.getString("status"), rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class),
					rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getObject("sent_at", OffsetDateTime.class)))
			.list();
	}

	record OutboxRow(long id, String template, String recipients, String subject, String status, int attempts,
			OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime createdAt, OffsetDateTime sentAt) {
	}

}
