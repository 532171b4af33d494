package vn.dvk.notification.web;

import java.time.Instant;
import java.util.List;

/**
 * A message the embedded mail server received. {@code index} is its position in receiving order.
 */
record ReceivedMail(int index, Instant receivedAt, String from, List<String> recipients, String subject,
		String html) {
}
