package vn.dvk.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The zero-set-up mail server (GreenMail) of the default profile ({@code dvk.embedded.mail.*}).
 *
 * @param enabled  start it
 * @param smtpPort SMTP port on 127.0.0.1; 0 picks a free one (the mail sender follows)
 * @param imapPort IMAP port on 127.0.0.1; 0 picks a free one
 */
@ConfigurationProperties("dvk.embedded.mail")
record EmbeddedMailProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3025") int smtpPort,
		@DefaultValue("3143") int imapPort) {
}
