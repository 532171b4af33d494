package vn.dvk.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail of the notification module ({@code dvk.mail.*}).
 *
 * @param from       sender address, may carry a Vietnamese display name
 * @param baseUrl    public address of the application, used for links in emails
 * @param dispatcher how the outbox is sent
 */
@ConfigurationProperties("dvk.mail")
record DvkMailProperties(@DefaultValue("Ban Tuyên giáo và Dân vận Tỉnh ủy <dvk@localhost>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue Dispatcher dispatcher) {

	DvkMailProperties {
		baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * @param enabled        run the scheduled dispatcher on this node
	 * @param fixedDelay     pause between two dispatch rounds ({@code dvk.mail.dispatcher.fixed-delay})
	 * @param batchSize      rows claimed per round trip
	 * @param maxAttempts    after this many failed attempts a row is FAILED
	 * @param initialBackoff wait after the first failure; doubles with each further failure
	 * @param maxBackoff     upper bound of the wait between attempts
	 * @param lease          how long a claimed row is hidden from other nodes while it is sent
	 */
	record Dispatcher(@DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration fixedDelay,
			@DefaultValue("20") int batchSize, @DefaultValue("10") int maxAttempts,
			@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
			@DefaultValue("5m") Duration lease) {

		/** The wait after the given number of failed attempts (1 = the first failure). */
		Duration backoffAfter(int failedAttempts) {
			Duration delay = initialBackoff;
			for (int i = 1; i < failedAttempts && delay.compareTo(maxBackoff) < 0; i++) {
				delay = delay.multipliedBy(2);
			}
			return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
		}
	}

}
