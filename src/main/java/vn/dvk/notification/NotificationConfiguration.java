package vn.dvk.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Settings of the notification module. Time comes from the application's {@code Clock} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DvkMailProperties.class)
class NotificationConfiguration {

	/** The system property Jakarta Mail reads before it looks for a StreamProvider with a ServiceLoader. */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	static {
		// Jakarta Mail 2.1 looks its StreamProvider up anew at every encode and decode of a message
		// (MimeUtility), with a ServiceLoader: a scan of every nested jar of the Boot jar each time,
		// a sixth of the application's CPU while the outbox was sent during the season benchmark's
		// rush (docs/benchmarks.md). The system property, read first, names the one provider there is.
		System.getProperties().putIfAbsent(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
	}

}
