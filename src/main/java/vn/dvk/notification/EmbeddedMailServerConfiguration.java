package vn.dvk.notification;

import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Starts GreenMail (SMTP and IMAP on 127.0.0.1) when {@code dvk.embedded.mail.enabled} is true,
 * the default. It keeps every message it receives in memory for the life of the process; each
 * recipient address gets an IMAP login (login = password = the address). A mail sender aimed at
 * the loopback interface is pointed at the port the server really listens on (which matters
 * when {@code smtp-port} is 0).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedMailProperties.class)
@ConditionalOnProperty(prefix = "dvk.embedded.mail", name = "enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedMailServerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServerConfiguration.class);

	private static final String LOOPBACK = "127.0.0.1";

	private static final Set<String> LOOPBACK_HOSTS = Set.of(LOOPBACK, "localhost", "::1");

	@Bean(destroyMethod = "stop")
	GreenMail embeddedMailServer(EmbeddedMailProperties properties) {
		GreenMail greenMail = new GreenMail(new ServerSetup[] {
				new ServerSetup(properties.smtpPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP),
				new ServerSetup(properties.imapPort(), LOOPBACK, ServerSetup.PROTOCOL_IMAP) });
		greenMail.start();
		log.info("Embedded mail server: SMTP {}:{}, IMAP {}:{} (login = password = recipient address)", LOOPBACK,
				greenMail.getSmtp().getPort(), LOOPBACK, greenMail.getImap().getPort());
		return greenMail;
	}

	@Bean
	static BeanPostProcessor embeddedMailServerSenderPort(ObjectProvider<GreenMail> embeddedMailServer) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JavaMailSenderImpl sender
						&& (sender.getHost() == null || LOOPBACK_HOSTS.contains(sender.getHost()))) {
					GreenMail server = embeddedMailServer.getObject();
					sender.setHost(LOOPBACK);
					sender.setPort(server.getSmtp().getPort());
				}
				return bean;
			}
		};
	}

}
