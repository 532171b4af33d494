package vn.dvk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class EmbeddedMailServerConfigurationTests {

	ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withUserConfiguration(EmbeddedMailServerConfiguration.class)
		.withPropertyValues("spring.mail.host=127.0.0.1", "spring.mail.port=3025",
				"spring.mail.default-encoding=UTF-8", "dvk.embedded.mail.smtp-port=0",
				"dvk.embedded.mail.imap-port=0");

	@Test
	void startsGreenMailOnAFreePortAndPointsTheMailSenderAtIt() {
		context.run(ctx -> {
			GreenMail server = ctx.getBean("embeddedMailServer", GreenMail.class);
			JavaMailSenderImpl sender = ctx.getBean(JavaMailSenderImpl.class);
			assertThat(server.isRunning()).isTrue();
			assertThat(sender.getPort()).isEqualTo(server.getSmtp().getPort()).isNotEqualTo(3025);
			assertThat(server.getImap().getPort()).isPositive();

			SimpleMailMessage mail = new SimpleMailMessage();
			mail.setFrom("dvk@localhost");
			mail.setTo("truong.ban@cam-hai-dong.vn");
			mail.setSubject("Thử nghiệm tiếng Việt có dấu");
			mail.setText("Nội dung");
			sender.send(mail);
			assertThat(server.getReceivedMessages()).extracting(m -> m.getSubject())
				.containsExactly("Thử nghiệm tiếng Việt có dấu");
		});
	}

	@Test
	void stopsTheServerWithTheContext() {
		GreenMail[] started = new GreenMail[1];
		context.run(ctx -> started[0] = ctx.getBean(GreenMail.class));
		assertThat(started[0].isRunning()).isFalse();
	}

	@Test
	void leavesAnExternalMailServerAlone() {
		context.withPropertyValues("spring.mail.host=mailpit", "spring.mail.port=1025").run(ctx -> {
			JavaMailSenderImpl sender = ctx.getBean(JavaMailSenderImpl.class);
			assertThat(sender.getHost()).isEqualTo("mailpit");
			assertThat(sender.getPort()).isEqualTo(1025);
		});
	}

	@Test
	void startsNothingWhenDisabled() {
		context.withPropertyValues("dvk.embedded.mail.enabled=false")
			.run(ctx -> assertThat(ctx).doesNotHaveBean(GreenMail.class).hasSingleBean(JavaMailSenderImpl.class));
	}

}
